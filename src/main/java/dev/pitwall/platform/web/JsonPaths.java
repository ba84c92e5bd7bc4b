package dev.pitwall.platform.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Where in a JSON or YAML document Jackson failed, and why, in words for people. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code steps[1].actor} from Jackson's reference chain, or {@code null} at the top level. */
    public static String of(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * A sentence instead of Jackson's message for the usual mistakes: a wrong enum value, an unknown
     * field, a value of the wrong format, a required yes/no or number left out.
     */
    public static String reason(DatabindException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "'" + invalid.getValue() + "' is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "'" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isPrimitive() && mismatch.getOriginalMessage().startsWith("Cannot map `null`")) {
            // A missing or null value for a primitive field: say so instead of naming Jackson's settings.
            return "is required (a " + (mismatch.getTargetType() == boolean.class ? "boolean: true or false" : "number") + ")";
        }
        return e.getOriginalMessage();
    }
}
