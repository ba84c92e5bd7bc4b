package dev.pitwall.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between Java time values and {@code TIMESTAMP WITH TIME ZONE} / {@code DATE}
 * columns that behave the same on H2 and PostgreSQL.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant as a parameter for a {@code TIMESTAMP WITH TIME ZONE} column. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A nullable BIGINT column as {@code Long}. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A nullable numeric column as {@code Double}. */
    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Escapes {@code %}, {@code _} and the escape character for a {@code LIKE ... ESCAPE '\'} pattern. */
    /**
     * A date as an SQL literal, for analytic queries over date ranges. PostgreSQL plans a prepared
     * statement generically after five runs; for a range over millions of rollup rows the generic
     * plan was up to five times slower than one made for the actual dates. A literal keeps the
     * plan specific. Safe: a LocalDate prints only digits and dashes.
     */
    public static String dateLiteral(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("date out of range: " + date);
        }
        return "DATE '" + date + "'";
    }

    public static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
