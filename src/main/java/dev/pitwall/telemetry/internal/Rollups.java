package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily rollups: one row per day, person (or unknown person's reference), AI system and
 * workflow, with 0 / '' standing for "none" so the key can be a primary key. Rows are only ever
 * added to by whole batches, or rebuilt for a range of days.
 */
@Repository
public class Rollups {

    /** The columns of a daily rollup row (and of the stage), in the order stores write them. */
    public static final String COLUMNS = "event_day, person_id, person_ref, system_id, workflow_id, events, input_tokens, "
            + "output_tokens, cost, errors, latency_ms, timed_events, accepted, edited, overridden, rejected, unknown_outcome";
    private static final String KEY = "event_day, person_id, person_ref, system_id, workflow_id";
    private static final String[] SUMMED = {"events", "input_tokens", "output_tokens", "cost", "errors", "latency_ms",
        "timed_events", "accepted", "edited", "overridden", "rejected", "unknown_outcome"};

    /**
     * The active-month masks of the rows matching {@code condition} of {@code table}: distinct
     * days give distinct powers of two, so their sum is the mask (portable, unlike bit_or).
     */
    private static String activeMonths(String table, String condition) {
        return """
                SELECT m AS month_index, workflow_id, person_id, CAST(SUM(DISTINCT bit) AS INT) AS days FROM (
                    SELECT CAST(EXTRACT(YEAR FROM event_day) * 12 + EXTRACT(MONTH FROM event_day) - 1 AS INT) AS m,
                           workflow_id, person_id, CAST(POWER(2, EXTRACT(DAY FROM event_day) - 1) AS BIGINT) AS bit
                    FROM %s WHERE workflow_id > 0 AND person_id > 0 AND %s) x
                GROUP BY m, workflow_id, person_id
                """.formatted(table, condition);
    }

    /** The day columns of telemetry_person_month: d01 … d31. */
    static final List<String> DAY_COLUMNS = java.util.stream.IntStream.rangeClosed(1, 31)
            .mapToObj(d -> "d%02d".formatted(d)).toList();
    private static final String PERSON_MONTH_COLUMNS = "month_index, person_id, person_ref, workflow_id, "
            + String.join(", ", DAY_COLUMNS);
    private static final String PERSON_MONTH_TOTAL_COLUMNS = "month_index, person_id, person_ref, "
            + String.join(", ", DAY_COLUMNS);

    /** Rollup-shaped rows of {@code table} matching {@code condition}, as person months (events by day of month). */
    private static String personMonths(String table, String condition) {
        return personMonths(table, condition, ", workflow_id");
    }

    /** As {@link #personMonths(String, String)}, summed over workflows: each person's month totals. */
    private static String personMonthTotals(String table, String condition) {
        return personMonths(table, condition, "");
    }

    private static String personMonths(String table, String condition, String workflow) {
        StringBuilder days = new StringBuilder();
        for (int d = 1; d <= 31; d++) {
            days.append(", CAST(SUM(CASE WHEN EXTRACT(DAY FROM event_day) = ").append(d)
                    .append(" THEN events ELSE 0 END) AS BIGINT) AS ").append(DAY_COLUMNS.get(d - 1));
        }
        return """
                SELECT m AS month_index, person_id, person_ref%4$s%1$s FROM (
                    SELECT CAST(EXTRACT(YEAR FROM event_day) * 12 + EXTRACT(MONTH FROM event_day) - 1 AS INT) AS m,
                           event_day, person_id, person_ref, workflow_id, events
                    FROM %2$s WHERE %3$s) x
                GROUP BY m, person_id, person_ref%4$s
                """.formatted(days, table, condition, workflow);
    }

    private static final String SLICE_COLUMNS = "event_day, workflow_id, system_id, events, errors, accepted, edited, "
            + "overridden, rejected";
    private static final String[] SLICE_SUMMED = {"events", "errors", "accepted", "edited", "overridden", "rejected"};

    /** Rollup-shaped rows summed over people into daily slices. */
    private static String slices(String rows) {
        return "SELECT event_day, workflow_id, system_id, SUM(events) AS events, SUM(errors) AS errors, "
                + "SUM(accepted) AS accepted, SUM(edited) AS edited, SUM(overridden) AS overridden, "
                + "SUM(rejected) AS rejected FROM (" + rows + ") g GROUP BY event_day, workflow_id, system_id";
    }

    /** A date's month index, as in telemetry_active_month. */
    static int monthIndex(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final boolean postgres;

    private final UsageEventStore events;

    Rollups(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, DatabaseKind database,
            UsageEventStore events) {
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = database.isPostgres();
    }

    /** Takes the cluster-wide rollup lock for the rest of the caller's transaction. */
    public void lock() {
        jdbc.sql("UPDATE telemetry_rollup_lock SET id = id WHERE id = 1").update();
    }

    /**
     * Records that the rollups changed (under the lock). Readers use the count of changes as the
     * usage version: it must move only when rollups do, or every idle sweep would look like new usage.
     */
    public void changed(Instant now) {
        jdbc.sql("UPDATE telemetry_rollup_lock SET last_run = ?, changes = changes + 1 WHERE id = 1").param(utc(now))
                .update();
    }

    /**
     * Adds batches' events to the rollups. The caller holds the lock and marks the batches. The
     * event store groups the events once, into the stage; the rollups, active months and slices are added
     * from the stage's rows, far fewer than the events.
     */
    public void addBatches(List<Long> batchIds) {
        emptyStage();
        events.stage(batchIds);
        String source = "SELECT " + COLUMNS + " FROM telemetry_rollup_stage";
        String sql = addingUpsert("telemetry_daily_rollup", COLUMNS, KEY, List.of(SUMMED), source);
        jdbc.sql(sql).update();
        addActiveMonths();
        addPersonMonths();
        addSlices(source);
        emptyStage();
    }

    /**
     * On PostgreSQL by TRUNCATE, which leaves no dead rows: deleted, every batch's rows stayed in
     * the table until autovacuum came, and each of the five reads of the stage above scanned them
     * (1.2 GB of them after ingesting 10 million events, docs/scaling.md). Only the rollup worker,
     * holding the rollup lock, uses the stage. H2's TRUNCATE would commit the transaction.
     */
    private void emptyStage() {
        jdbc.sql(postgres ? "TRUNCATE telemetry_rollup_stage" : "DELETE FROM telemetry_rollup_stage").update();
    }

    private void addSlices(String groupedBatches) {
        jdbc.sql(addingUpsert("telemetry_daily_slice", SLICE_COLUMNS, "event_day, workflow_id, system_id",
                List.of(SLICE_SUMMED), slices(groupedBatches))).update();
    }

    private void addPersonMonths() {
        jdbc.sql(addingUpsert("telemetry_person_month", PERSON_MONTH_COLUMNS, "month_index, person_id, person_ref, workflow_id",
                DAY_COLUMNS, personMonths("telemetry_rollup_stage", "1 = 1"))).update();
        jdbc.sql(addingUpsert("telemetry_person_month_total", PERSON_MONTH_TOTAL_COLUMNS, "month_index, person_id, person_ref",
                DAY_COLUMNS, personMonthTotals("telemetry_rollup_stage", "1 = 1"))).update();
    }

    /**
     * Adds the rows of {@code source} to {@code table}: a row whose key is there already has its
     * {@code summed} columns increased, others are inserted ({@code ON CONFLICT} on PostgreSQL,
     * {@code MERGE} on H2).
     */
    private String addingUpsert(String table, String columns, String key, List<String> summed, String source) {
        StringBuilder set = new StringBuilder();
        if (postgres) {
            for (String column : summed) {
                set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ").append(table).append('.')
                        .append(column).append(" + EXCLUDED.").append(column);
            }
            return "INSERT INTO " + table + " (" + columns + ") " + source + " ON CONFLICT (" + key + ") DO UPDATE SET "
                    + set;
        }
        for (String column : summed) {
            set.append(set.isEmpty() ? "" : ", ").append("t.").append(column).append(" = t.").append(column)
                    .append(" + s.").append(column);
        }
        StringBuilder on = new StringBuilder();
        for (String column : key.split(", ")) {
            on.append(on.isEmpty() ? "" : " AND ").append("t.").append(column).append(" = s.").append(column);
        }
        return "MERGE INTO " + table + " t USING (" + source + ") s ON (" + on + ") WHEN MATCHED THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (s." + columns.replace(", ", ", s.") + ")";
    }

    private void addActiveMonths() {
        String source = activeMonths("telemetry_rollup_stage", "1 = 1");
        String sql = postgres
                ? "INSERT INTO telemetry_active_month (month_index, workflow_id, person_id, days) " + source
                        + " ON CONFLICT (month_index, workflow_id, person_id)"
                        + " DO UPDATE SET days = telemetry_active_month.days | EXCLUDED.days"
                : "MERGE INTO telemetry_active_month t USING (" + source + ") s ON (t.month_index = s.month_index AND "
                        + "t.workflow_id = s.workflow_id AND t.person_id = s.person_id) "
                        + "WHEN MATCHED THEN UPDATE SET t.days = BITOR(t.days, s.days) "
                        + "WHEN NOT MATCHED THEN INSERT (month_index, workflow_id, person_id, days) "
                        + "VALUES (s.month_index, s.workflow_id, s.person_id, s.days)";
        jdbc.sql(sql).update();
        Map<ActivePacks.Key, Map<Long, Integer>> added = new HashMap<>();
        jdbc.sql(source).query(rs -> {
            added.computeIfAbsent(new ActivePacks.Key(rs.getInt("month_index"), rs.getLong("workflow_id")),
                    k -> new HashMap<>()).put(rs.getLong("person_id"), rs.getInt("days"));
        });
        ActivePacks.add(template, added);
    }

    /**
     * Recomputes the rollups of a range of days from the events of batches already rolled up
     * (later batches add themselves when their turn comes). The caller holds the lock.
     */
    public void rebuild(LocalDate requestedFrom, LocalDate to, Instant now) {
        // Days before the rebuild floor (the latest retention floor of all sources) lack some raw
        // events: their rollups stay as they are.
        LocalDate floor = jdbc.sql("SELECT kept_from FROM telemetry_retention WHERE id = 1").query(LocalDate.class)
                .optional().orElse(null);
        LocalDate from = floor != null && floor.isAfter(requestedFrom) ? floor : requestedFrom;
        if (from.isAfter(to)) {
            return;
        }
        changed(now);
        jdbc.sql("DELETE FROM telemetry_daily_rollup WHERE event_day BETWEEN :from AND :to")
                .param("from", from).param("to", to).update();
        events.rollUpDays(from, to);
        jdbc.sql("DELETE FROM telemetry_daily_slice WHERE event_day BETWEEN :from AND :to")
                .param("from", from).param("to", to).update();
        jdbc.sql("INSERT INTO telemetry_daily_slice (" + SLICE_COLUMNS + ") "
                        + slices("SELECT * FROM telemetry_daily_rollup WHERE event_day BETWEEN :from AND :to"))
                .param("from", from).param("to", to).update();
        // Whole months of active days, from the rollups just rebuilt and those around them.
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(to.lengthOfMonth());
        jdbc.sql("DELETE FROM telemetry_active_month WHERE month_index BETWEEN :first AND :last")
                .param("first", monthIndex(first)).param("last", monthIndex(last)).update();
        jdbc.sql("INSERT INTO telemetry_active_month (month_index, workflow_id, person_id, days) "
                        + activeMonths("telemetry_daily_rollup", "event_day BETWEEN :first AND :last"))
                .param("first", first).param("last", last).update();
        ActivePacks.rebuild(template, monthIndex(first), monthIndex(last));
        jdbc.sql("DELETE FROM telemetry_person_month WHERE month_index BETWEEN :first AND :last")
                .param("first", monthIndex(first)).param("last", monthIndex(last)).update();
        jdbc.sql("INSERT INTO telemetry_person_month (" + PERSON_MONTH_COLUMNS + ") "
                        + personMonths("telemetry_daily_rollup", "event_day BETWEEN :first AND :last"))
                .param("first", first).param("last", last).update();
        jdbc.sql("DELETE FROM telemetry_person_month_total WHERE month_index BETWEEN :first AND :last")
                .param("first", monthIndex(first)).param("last", monthIndex(last)).update();
        jdbc.sql("INSERT INTO telemetry_person_month_total (" + PERSON_MONTH_TOTAL_COLUMNS + ") "
                        + personMonthTotals("telemetry_daily_rollup", "event_day BETWEEN :first AND :last"))
                .param("first", first).param("last", last).update();
    }
}
