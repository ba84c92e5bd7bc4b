package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pitwall.testing.TestDatabases;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The move of an existing, unpartitioned usage-event table into partitions by source and month
 * (migration-postgresql V4_14), on a database migrated to the version before it and filled with
 * events of three sources over fourteen months: every row arrives unchanged in the partition of its
 * source and month, ids are kept and continue after the highest, and duplicates are still refused.
 * The same for the ClickHouse store's event keys (V4_22). PostgreSQL only (the PostgreSQL pass);
 * H2 keeps one table of each.
 */
@org.junit.jupiter.api.Tag("db")
// PostgreSQL's own migrations, whatever the event store: not run again in the ClickHouse pass.
@org.junit.jupiter.api.Tag("database-store")
class UsageEventPartitionMigrationTest {

    private String database;
    private SingleConnectionDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        assumeThat(TestDatabases.POSTGRESQL).as("the PostgreSQL pass").isTrue();
        database = TestDatabases.createDatabase();
        dataSource = new SingleConnectionDataSource(TestDatabases.urlOf(database), TestDatabases.USER,
                TestDatabases.PASSWORD, true);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            dataSource.destroy();
            TestDatabases.drop(database);
        }
    }

    @Test
    void anExistingTableMovesIntoPartitionsWithEveryRow() {
        flyway().target("4.13").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(relkind(jdbc)).isEqualTo("r");
        // 42,000 events: three sources, one every 15 minutes from 2025-01-01 on (437 days), with
        // every column used, some null.
        jdbc.update("""
                INSERT INTO telemetry_usage_event (source, event_id, occurred_at, event_day, person_id, person_ref,
                    system_id, workflow_id, operation, model, input_tokens, output_tokens, cost, latency_ms, error,
                    outcome, attributes, attribution, rule_id, batch_id, ingested_at)
                SELECT (ARRAY['NATIVE', 'OTLP', 'GITHUB_COPILOT'])[1 + n % 3], 'e-' || n, t, CAST(t AS DATE),
                    CASE WHEN n % 7 = 0 THEN NULL ELSE n % 500 END, 'p' || (n % 500) || '@example.test',
                    n % 4, CASE WHEN n % 5 = 0 THEN NULL ELSE n % 9 END, 'chat', 'model-' || (n % 3), n % 1000,
                    n % 300, CAST(n % 100 AS NUMERIC) / 1000, n % 2000, n % 50 = 0,
                    (ARRAY['ACCEPTED', 'EDITED', 'OVERRIDDEN', 'REJECTED', 'UNKNOWN'])[1 + n % 5],
                    CASE WHEN n % 11 = 0 THEN '{"k":"v' || n || '"}' END, 'EXPLICIT', NULL, 1 + n / 1000, t
                FROM (SELECT n, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + n * INTERVAL '15 minutes' AS t
                      FROM generate_series(0, 41999) n) x
                """);
        // Daily rollups of an existing installation: the person months (V4_16) are filled from them.
        jdbc.update("""
                INSERT INTO telemetry_daily_rollup (event_day, person_id, person_ref, system_id, workflow_id, events,
                    input_tokens, output_tokens, cost, errors, latency_ms, timed_events, accepted, edited, overridden,
                    rejected, unknown_outcome)
                VALUES (DATE '2025-01-31', 7, '', 1, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4),
                       (DATE '2025-01-31', 7, '', 2, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                       (DATE '2025-02-01', 7, '', 1, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
                       (DATE '2025-01-02', 0, 'anon', 1, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9)
                """);
        String digestBefore = digest(jdbc);
        Map<String, Long> perMonthBefore = perSourceAndMonth(jdbc, "to_char(event_day, 'YYYYMM')");
        long maxId = jdbc.queryForObject("SELECT MAX(id) FROM telemetry_usage_event", Long.class);

        flyway().load().migrate();

        assertThat(relkind(jdbc)).as("partitioned").isEqualTo("p");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM telemetry_usage_event", Long.class)).isEqualTo(42_000);
        assertThat(digest(jdbc)).as("every row, every column, the same ids").isEqualTo(digestBefore);
        assertThat(jdbc.queryForList("SELECT month_index || ' ' || person_id || person_ref || ' ' || workflow_id || ': '"
                + " || d01 || ',' || d02 || ',' || d31 || ' of ' || (d01 + d02 + d03 + d15 + d28 + d29 + d30 + d31)"
                + " FROM telemetry_person_month ORDER BY 1", String.class))
                .containsExactly("24300 0anon 0: 0,9,0 of 9", "24300 7 3: 0,0,5 of 5", "24301 7 3: 2,0,0 of 2");
        // Each row sits in the partition of its source and month, named by them.
        Map<String, Long> perPartition = new TreeMap<>();
        jdbc.query("SELECT CAST(tableoid::regclass AS TEXT), COUNT(*) FROM telemetry_usage_event GROUP BY 1",
                rs -> {
                    perPartition.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> expected = new TreeMap<>();
        perMonthBefore.forEach((key, count) -> expected.put("telemetry_usage_event_" + key, count));
        assertThat(perPartition).isEqualTo(expected).containsKeys("telemetry_usage_event_native_202501",
                "telemetry_usage_event_github_copilot_202603", "telemetry_usage_event_otlp_202602");
        assertThat(perPartition).hasSize(3 * 15);

        // New rows take ids after the highest; the same event again is refused.
        jdbc.update("""
                INSERT INTO telemetry_usage_event (source, event_id, occurred_at, event_day, error, outcome, attribution,
                    batch_id, ingested_at)
                VALUES ('NATIVE', 'after', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', DATE '2026-03-01', FALSE,
                    'ACCEPTED', 'EXPLICIT', 99, now())
                """);
        assertThat(jdbc.queryForObject("SELECT id FROM telemetry_usage_event WHERE event_id = 'after'", Long.class))
                .isEqualTo(maxId + 1);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO telemetry_usage_event (source, event_id, occurred_at, event_day, error, outcome, attribution,
                    batch_id, ingested_at)
                VALUES ('OTLP', 'e-1', TIMESTAMP WITH TIME ZONE '2025-01-01 00:15:00+00', DATE '2025-01-01', FALSE,
                    'ACCEPTED', 'EXPLICIT', 99, now())
                """)).hasRootCauseInstanceOf(SQLException.class)
                .rootCause().extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        // A month without a partition is refused by the database: the application creates it first.
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO telemetry_usage_event (source, event_id, occurred_at, event_day, error, outcome, attribution,
                    batch_id, ingested_at)
                VALUES ('NATIVE', 'later', TIMESTAMP WITH TIME ZONE '2027-01-01 10:00:00+00', DATE '2027-01-01', FALSE,
                    'ACCEPTED', 'EXPLICIT', 99, now())
                """)).rootCause().extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
        // The indexes queries use exist on every partition.
        List<String> indexes = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = "
                + "'telemetry_usage_event_native_202501' ORDER BY indexname", String.class);
        assertThat(indexes).hasSize(6);
    }

    @Test
    void anEmptyTableMovesToo() {
        flyway().target("4.13").load().migrate();
        flyway().load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(relkind(jdbc)).isEqualTo("p");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent "
                + "WHERE p.relname = 'telemetry_usage_event'", Long.class)).isZero();
    }

    /** The ClickHouse store's keys (V4_22): moved into partitions by source and month likewise. */
    @Test
    void existingEventKeysMoveIntoPartitions() {
        flyway().target("4.21").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                INSERT INTO telemetry_event_key (source, event_id, event_day, batch_id)
                SELECT (ARRAY['NATIVE', 'OTLP'])[1 + n % 2], 'k-' || n, DATE '2025-11-01' + n % 75, 1 + n / 100
                FROM generate_series(0, 2999) n
                """);
        Map<String, Long> perMonthBefore = new TreeMap<>();
        jdbc.query("SELECT lower(source) || '_' || to_char(event_day, 'YYYYMM'), COUNT(*) FROM telemetry_event_key "
                + "GROUP BY 1", rs -> {
                    perMonthBefore.put("telemetry_event_key_" + rs.getString(1), rs.getLong(2));
                });

        flyway().load().migrate();

        Map<String, Long> perPartition = new TreeMap<>();
        jdbc.query("SELECT CAST(tableoid::regclass AS TEXT), COUNT(*) FROM telemetry_event_key GROUP BY 1",
                rs -> {
                    perPartition.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(perPartition).isEqualTo(perMonthBefore).hasSize(6)
                .containsKeys("telemetry_event_key_native_202511", "telemetry_event_key_otlp_202601");
        assertThat(jdbc.queryForObject("SELECT CAST(relkind AS TEXT) FROM pg_class WHERE relname = "
                + "'telemetry_event_key'", String.class)).isEqualTo("p");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO telemetry_event_key (source, event_id, event_day, batch_id) "
                + "VALUES ('NATIVE', 'k-0', DATE '2025-11-01', 99)")).rootCause()
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).outOfOrder(true)
                .locations("classpath:db/migration", "classpath:db/migration-postgresql");
    }

    private static String relkind(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT CAST(relkind AS TEXT) FROM pg_class WHERE relname = 'telemetry_usage_event'",
                String.class);
    }

    private static String digest(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT md5(string_agg(CAST(t AS TEXT), ',' ORDER BY id)) FROM "
                + "(SELECT * FROM telemetry_usage_event) t", String.class);
    }

    private static Map<String, Long> perSourceAndMonth(JdbcTemplate jdbc, String month) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT lower(source) || '_' || " + month + ", COUNT(*) FROM telemetry_usage_event GROUP BY 1",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
