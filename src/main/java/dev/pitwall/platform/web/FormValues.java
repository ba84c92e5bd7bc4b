package dev.pitwall.platform.web;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the fields of an HTML form kept as typed text: blank is absent, and a value that cannot be
 * read adds a violation naming the field instead of failing, so one refusal lists every such field.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The parsed value, {@code null} when blank or unreadable (then a violation is added). */
    public static <T> T parse(String field, String value, Function<String, T> parser, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            violations.add(Violation.ofField(field, "'" + value.strip() + "' is not a number"));
        } catch (DateTimeParseException e) {
            violations.add(Violation.ofField(field, "'" + value.strip() + "' is not a date (YYYY-MM-DD)"));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.ofField(field, "'" + value.strip() + "' is not one of the choices"));
        }
        return null;
    }
}
