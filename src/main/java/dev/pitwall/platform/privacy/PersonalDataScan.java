package dev.pitwall.platform.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds and replaces personal data in every text column of every table, whatever module owns it:
 * an erasure must leave a person's name and email nowhere, and an access request must find
 * everything held about them, including copies in raw payloads (event attributes, xAPI statements,
 * outbox messages) that no module indexes by person. The audit log is left to
 * {@link dev.pitwall.platform.audit.AuditLog#redact}, which keeps its chain verifiable; sessions
 * and the migration history hold no personal data of the directory.
 */
@Component
public class PersonalDataScan {

    private static final Set<String> TEXT_TYPES = Set.of("CHARACTER VARYING", "VARCHAR", "TEXT", "CHARACTER",
            "CHARACTER LARGE OBJECT", "CLOB", "CHAR");
    private static final Set<String> LEFT_ALONE = Set.of("platform_audit_entry", "platform_audit_redaction",
            "flyway_schema_history", "platform_http_session", "platform_http_session_attributes",
            "platform_pseudonym_key");

    /** A text column of a table, with its length limit (null: none). */
    public record TextColumn(String table, String column, Integer maxLength) {

        /** Whether a value of this length fits (PostgreSQL checks even a parameter no row receives). */
        boolean fits(String value) {
            return maxLength == null || value.length() <= maxLength;
        }
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    PersonalDataScan(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
        }
    }

    public List<TextColumn> textColumns() {
        List<TextColumn> columns = new ArrayList<>();
        jdbc.sql("""
                SELECT table_name, column_name, data_type, character_maximum_length FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public' %s ORDER BY table_name, ordinal_position
                """.formatted(notPartitions())).query((rs, n) -> {
                    String table = rs.getString(1).toLowerCase(Locale.ROOT);
                    String type = rs.getString(3).toUpperCase(Locale.ROOT);
                    if (TEXT_TYPES.contains(type) && !LEFT_ALONE.contains(table)) {
                        long max = rs.getLong(4);
                        columns.add(new TextColumn(table, rs.getString(2).toLowerCase(Locale.ROOT),
                                rs.wasNull() || max <= 0 || max > Integer.MAX_VALUE ? null : (int) max));
                    }
                    return null;
                }).list();
        return columns;
    }

    /**
     * Replaces every occurrence of each text (ignoring case) in every text column.
     *
     * @return the number of values changed, by table
     */
    public Map<String, Integer> replaceEverywhere(Map<String, String> replacements) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (TextColumn c : textColumns()) {
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                if (!c.fits(r.getKey())) {
                    continue;
                }
                String sql = "UPDATE " + c.table() + " SET " + c.column() + " = "
                        + (postgres ? "regexp_replace(" + c.column() + ", :pattern, :replacement, 'gi')"
                                : "REGEXP_REPLACE(" + c.column() + ", :pattern, :replacement, 'i')")
                        + " WHERE LOWER(" + c.column() + ") LIKE :like ESCAPE '\\'";
                int rows = jdbc.sql(sql).param("pattern", literalPattern(r.getKey()))
                        .param("replacement", r.getValue()).param("like", like(r.getKey())).update();
                if (rows > 0) {
                    changed.merge(c.table(), rows, Integer::sum);
                }
            }
        }
        return changed;
    }

    /**
     * Replaces every value that is exactly one of the texts (ignoring case), in every text column:
     * for short identifiers (an external id like "E-104") that would be unsafe to replace inside
     * other text.
     */
    public Map<String, Integer> replaceExactEverywhere(Map<String, String> replacements) {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (TextColumn c : textColumns()) {
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                if (!c.fits(r.getKey()) || !c.fits(r.getValue())) {
                    continue;
                }
                int rows = jdbc.sql("UPDATE " + c.table() + " SET " + c.column() + " = :replacement WHERE LOWER("
                        + c.column() + ") = :value").param("replacement", r.getValue())
                        .param("value", r.getKey().toLowerCase(Locale.ROOT)).update();
                if (rows > 0) {
                    changed.merge(c.table(), rows, Integer::sum);
                }
            }
        }
        return changed;
    }

    /** Every row of every table whose text columns hold any of the texts (ignoring case), by table. */
    public Map<String, List<Map<String, Object>>> rowsHolding(List<String> texts) {
        Map<String, List<TextColumn>> byTable = new LinkedHashMap<>();
        textColumns().forEach(c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        byTable.forEach((table, columns) -> {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                params.put("t" + i, like(texts.get(i)));
                for (TextColumn c : columns) {
                    conditions.add("LOWER(" + c.column() + ") LIKE :t" + i + " ESCAPE '\\'");
                }
            }
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table + " WHERE " + String.join(" OR ",
                    conditions)).params(params).query().listOfRows();
            if (!rows.isEmpty()) {
                found.put(table, rows);
            }
        });
        return found;
    }

    /** Every row of every table with a {@code person_id} column equal to the person's id, by table. */
    public Map<String, List<Map<String, Object>>> rowsOfPerson(long personId) {
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public' AND LOWER(column_name) = 'person_id' %s ORDER BY table_name
                """.formatted(notPartitions())).query(String.class).list();
        for (String table : tables) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table.toLowerCase(Locale.ROOT)
                    + " WHERE person_id = ?").param(personId).query().listOfRows();
            if (!rows.isEmpty()) {
                found.put(table.toLowerCase(Locale.ROOT), rows);
            }
        }
        return found;
    }

    /**
     * On PostgreSQL, partitions (of raw usage events) are reached through their parent table: read
     * or changed once, and named by the table the rest of Pitwall knows.
     */
    private String notPartitions() {
        return postgres ? "AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)" : "";
    }

    private static String like(String text) {
        return dev.pitwall.platform.jdbc.SqlValues.containsPattern(text);
    }

    /** The text as a regular expression matching it literally, in both Java's and PostgreSQL's syntax. */
    static String literalPattern(String text) {
        StringBuilder pattern = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }
}
