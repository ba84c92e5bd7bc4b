package dev.pitwall.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Where in a JSON or YAML document Jackson failed, and why, in words for people: every reason
 * names what was expected ("a date (YYYY-MM-DD)", "a whole number"), never a Java type.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The Jackson failure in a chain of causes (the outermost, which carries the path), or {@code null}. */
    public static JacksonException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /**
     * {@code steps[1].actor}: from Jackson's reference chain, or, for a failure of the parser
     * itself (a bad token, a number out of range), from where the parser stood; {@code null} at the
     * top level.
     */
    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.isEmpty() && e.processor() instanceof JsonParser parser) {
            return ofPointer(parser.streamReadContext());
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The path of where the parser stands, from the root: {@code items[0].value}. */
    private static String ofPointer(TokenStreamContext context) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.hasCurrentIndex()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.currentName() != null) {
                segments.push("." + c.currentName());
            }
        }
        String path = String.join("", segments);
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    /** A sentence for what went wrong, without Jackson's settings or Java's type names. */
    public static String reason(JacksonException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + invalid.getValue() + "' is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof InputJson.TextRefused refused) {
            return refused.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "'" + shorten(invalid.getValue()) + "' is not " + expected(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (mismatch.getTargetType().isPrimitive() && mismatch.getOriginalMessage().startsWith("Cannot map `null`")) {
                // A missing or null value for a primitive field: say so instead of naming Jackson's settings.
                return "is required (" + expected(mismatch.getTargetType()) + ")";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            return cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                    : "is not valid (a value is missing or of the wrong kind)";
        }
        if (e instanceof InputCoercionException coercion) {
            return "is out of range" + (coercion.getTargetType() == int.class || coercion.getTargetType() == Integer.class
                    ? " (at most " + Integer.MAX_VALUE + ")" : coercion.getTargetType() == long.class
                            || coercion.getTargetType() == Long.class ? " (at most " + Long.MAX_VALUE + ")" : "");
        }
        if (e instanceof StreamConstraintsException) {
            return "exceeds a limit of what Pitwall reads: " + withoutHints(e.getOriginalMessage());
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return "the document ends too early (it is cut off or empty)";
        }
        if (e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Non-standard token")) {
            return "is not a number: NaN and Infinity are not JSON numbers";
        }
        if (e instanceof StreamReadException) {
            return "not well-formed: " + withoutHints(e.getOriginalMessage());
        }
        return withoutHints(e.getOriginalMessage());
    }

    /** What a value of a Java type looks like, for people who write JSON. */
    static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class
                || type == java.time.ZonedDateTime.class) {
            return "a time (ISO 8601, e.g. 2026-11-29T09:00:00Z)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time (ISO 8601)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean: true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }

    /** Jackson's messages end with advice about its own settings ("enable `…` to allow"); drop it. */
    private static String withoutHints(String message) {
        if (message == null) {
            return "the document could not be read";
        }
        int hint = message.indexOf(": enable `");
        if (hint < 0) {
            hint = message.indexOf("; enable `");
        }
        String trimmed = hint < 0 ? message : message.substring(0, hint);
        return trimmed.replaceAll("`(java|tools|dev)\\.[\\w.$<>, ]+`", "value").trim();
    }
}
