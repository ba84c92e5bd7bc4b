package dev.pitwall.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How Pitwall reads JSON that arrives from outside: every mapper that reads a request body or an
 * uploaded file is built here, so all of them refuse the same things with a 400 that names the
 * field: documents nested deeper than {@value #MAX_DEPTH} levels (they made recursive readers fail
 * with 500), numbers too large for a double ({@code 1e400} read as infinity), dates {@link Dates}
 * refuses, and text that {@link TextPolicy} refuses.
 */
public final class InputJson {

    /** Deeper than any document Pitwall reads (OTLP's nested attribute values need about 20). */
    public static final int MAX_DEPTH = 64;
    /** The limits of every input mapper. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .build();

    private static final JacksonModule TEXT = new SimpleModule("pitwall-input-policy")
            .addDeserializer(String.class, new CheckedStringDeserializer())
            .addDeserializer(java.time.LocalDate.class, new CheckedDateDeserializer())
            .addDeserializer(java.time.Instant.class, new CheckedInstantDeserializer())
            .addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class))
            .addDeserializer(double.class, new FiniteDoubleDeserializer(double.class));

    private InputJson() {
    }

    /** A JSON factory with the input limits. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(LIMITS).build();
    }

    /** A mapper builder with the input limits and the text policy, to configure further. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(factory()).addModule(TEXT);
    }

    /** The module that applies {@link TextPolicy} to every string read. */
    public static JacksonModule textPolicy() {
        return TEXT;
    }

    /**
     * Where and why reading failed.
     *
     * @param line the line of the document ({@code null} when unknown)
     * @param column the column on that line ({@code null} when unknown)
     * @param field the path of the field ({@code null} at the top level)
     * @param reason why, for people
     */
    public record Failure(Integer line, Integer column, String field, String reason) {

        /** " at line 3, column 7" (or "" when the place is unknown), for a sentence. */
        public String where() {
            return line == null ? "" : " at line " + line + (column == null ? "" : ", column " + column);
        }

        /** The failure as a violation: the line, the field, the reason. */
        public Violation violation() {
            return new Violation(null, line, field, reason);
        }
    }

    /** Where and why {@code e} failed; never fails itself, whatever Jackson left out. */
    public static Failure failure(JacksonException e) {
        tools.jackson.core.TokenStreamLocation location = e.getLocation();
        if ((location == null || location.getLineNr() < 1) && e.processor() instanceof JsonParser parser) {
            location = parser.currentLocation();
        }
        boolean known = location != null && location.getLineNr() > 0;
        return new Failure(known ? location.getLineNr() : null, known && location.getColumnNr() > 0
                ? location.getColumnNr() : null, JsonPaths.of(e), JsonPaths.reason(e));
    }

    /** A value {@link TextPolicy} or {@link Dates} refuses; its message is the reason, for people. */
    public static final class TextRefused extends MismatchedInputException {

        TextRefused(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }
    }

    /** Reads doubles as Jackson does, then refuses what overflowed to infinity (and NaN). */
    static final class FiniteDoubleDeserializer extends tools.jackson.databind.deser.jdk.NumberDeserializers.DoubleDeserializer {

        @SuppressWarnings("unchecked")
        FiniteDoubleDeserializer(Class<?> type) {
            super((Class<Double>) type, type == double.class ? 0d : null);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            Double value = super.deserialize(p, ctxt);
            if (value != null && (value.isInfinite() || value.isNaN())) {
                throw new TextRefused(p, "is too large: numbers lie between -" + Double.MAX_VALUE + " and "
                        + Double.MAX_VALUE);
            }
            return value;
        }
    }

    /** Reads dates as Jackson does (ISO 8601), then refuses those {@link Dates} does not accept. */
    static final class CheckedDateDeserializer extends tools.jackson.databind.ValueDeserializer<java.time.LocalDate> {

        @Override
        public java.time.LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            java.time.LocalDate value = tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer.INSTANCE
                    .deserialize(p, ctxt);
            var problem = Dates.problem(value);
            if (problem.isPresent()) {
                throw new TextRefused(p, problem.get());
            }
            return value;
        }
    }

    /** Reads instants as Jackson does (ISO 8601), then refuses those {@link Dates} does not accept. */
    static final class CheckedInstantDeserializer extends tools.jackson.databind.ValueDeserializer<java.time.Instant> {

        @Override
        public java.time.Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            java.time.Instant value = tools.jackson.databind.ext.javatime.deser.InstantDeserializer.INSTANT
                    .deserialize(p, ctxt);
            var problem = Dates.problem(value);
            if (problem.isPresent()) {
                throw new TextRefused(p, problem.get());
            }
            return value;
        }
    }

    /** Reads strings as Jackson does, then refuses text {@link TextPolicy} does not accept. */
    static final class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            var problem = TextPolicy.problem(value);
            if (problem.isPresent()) {
                throw new TextRefused(p, problem.get());
            }
            return value;
        }
    }
}
