package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the values of one CSV line, collecting a {@link Violation} (line, column, reason) for
 * each value that is wrong instead of stopping at the first, so a file is fixed in one round.
 */
final class CsvFields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WORKFLOW_KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final CsvRow row;
    private final List<Violation> violations;
    private final LocalDate today;

    CsvFields(CsvRow row, List<Violation> violations, LocalDate today) {
        this.row = row;
        this.violations = violations;
        this.today = today;
        String extra = row.get(CsvDocument.EXTRA_VALUES);
        if (extra != null) {
            fail(null, "has " + extra + " more value(s) than the header has columns");
        }
    }

    int line() {
        return row.line();
    }

    void fail(String column, String reason) {
        violations.add(Violation.ofLine(row.line(), column, reason));
    }

    String text(String column, int maxLength, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                fail(column, "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            fail(column, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    String email(String column, boolean required) {
        String value = text(column, 320, required);
        if (value != null && !EMAIL.matcher(value).matches()) {
            fail(column, "'" + value + "' is not a valid email address");
            return null;
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    <E extends Enum<E>> E choice(String column, Class<E> type, boolean required) {
        String value = text(column, 50, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            fail(column, "'" + value + "' is not one of " + allowed);
            return null;
        }
    }

    Boolean bool(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "active" -> true;
            case "false", "no", "n", "0", "inactive" -> false;
            default -> {
                fail(column, "'" + value + "' is not true or false");
                yield null;
            }
        };
    }

    Integer integer(String column, int min, int max, boolean required) {
        String value = text(column, 20, required);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                fail(column, "must be between " + min + " and " + max);
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            fail(column, "'" + value + "' is not a whole number");
            return null;
        }
    }

    BigDecimal decimal(String column, BigDecimal min, BigDecimal max) {
        String value = text(column, 30, false);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value);
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                fail(column, "must be between " + min + " and " + max);
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            fail(column, "'" + value + "' is not a number");
            return null;
        }
    }

    /** An ISO date (yyyy-MM-dd) from the first of {@code columns} present; never in the future. */
    LocalDate pastDate(String... columns) {
        String value = row.first(columns);
        String column = columns[0];
        if (value == null) {
            fail(column, "is required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isAfter(today)) {
                fail(column, value + " is in the future");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(column, "'" + value + "' is not a date like 2026-03-31");
            return null;
        }
    }

    String workflowKey(String column) {
        String value = text(column, 100, false);
        if (value != null && !WORKFLOW_KEY.matcher(value).matches()) {
            fail(column, "'" + value + "' is not a workflow key (lower-case letters, digits and dashes)");
            return null;
        }
        return value;
    }
}
