package dev.pitwall.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PitwallIntegrationTest
class SummaryUpkeepTest {

    /** A month no test's events fall in (year 250,000): these rows are the test's own. */
    private static final int MONTH = 3_000_000;
    private static final int ROWS = 3_000;

    @Autowired
    SummaryUpkeep upkeep;
    @Autowired
    DatabaseKind database;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void summariesWithManyDeadRowsAreVacuumedAndChangedPartitionsAnalyzed() {
        List<SummaryUpkeep.Due> due = SummaryUpkeep.due(List.of(
                new SummaryUpkeep.TableStats("telemetry_person_month", 100_000, 6_001, 0),
                new SummaryUpkeep.TableStats("telemetry_person_month_total", 100_000, 6_000, 0),
                new SummaryUpkeep.TableStats("telemetry_daily_rollup", 0, 1_001, 0),
                new SummaryUpkeep.TableStats("telemetry_active_month", 0, 1_000, 0),
                new SummaryUpkeep.TableStats("telemetry_usage_event_native_2026_11", 1_000_000, 0, 200_001),
                new SummaryUpkeep.TableStats("telemetry_usage_event_native_2026_10", 1_000_000, 0, 200_000),
                new SummaryUpkeep.TableStats("telemetry_event_key_otlp_2026_11", 1_000, 0, 10_001),
                new SummaryUpkeep.TableStats("telemetry_event_key_otlp_2026_10", 1_000, 0, 10_000)));
        assertThat(due).extracting(SummaryUpkeep.Due::statement).containsExactly(
                "VACUUM (ANALYZE) telemetry_person_month", "VACUUM (ANALYZE) telemetry_daily_rollup",
                "ANALYZE telemetry_usage_event_native_2026_11", "ANALYZE telemetry_event_key_otlp_2026_11");
    }

    @Test
    void onPostgresqlAChurnedSummaryIsVacuumedOutsideAnyTransaction() {
        if (!database.isPostgres()) {
            // H2 has no VACUUM (it reuses the space of deleted rows itself): nothing to do.
            assertThat(upkeep.run()).isEmpty();
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {MONTH, 9_000_000_000L + i});
        }
        try {
            jdbc.batchUpdate("INSERT INTO telemetry_person_month_total (month_index, person_id, person_ref) "
                    + "VALUES (?, ?, '')", rows);
            // Each update leaves a dead version of every row, as the rollup worker's additions do.
            for (int round = 0; round < 3; round++) {
                jdbc.update("UPDATE telemetry_person_month_total SET d01 = d01 + 1 WHERE month_index = ?", MONTH);
            }
            long vacuumsBefore = vacuums();
            // PostgreSQL publishes a session's table statistics within about a second of its commit.
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> upkeep.run().contains("VACUUM (ANALYZE) telemetry_person_month_total"));
            assertThat(vacuums()).isGreaterThan(vacuumsBefore);
            assertThat(jdbc.queryForObject("SELECT SUM(d01) FROM telemetry_person_month_total WHERE month_index = ?",
                    Long.class, MONTH)).isEqualTo(3L * ROWS);
        } finally {
            jdbc.update("DELETE FROM telemetry_person_month_total WHERE month_index = ?", MONTH);
        }
    }

    @Test
    void neverRunsOnTheConnectionOfACallersTransaction() {
        // VACUUM would need auto-commit, which would commit the caller's work half done.
        List<String> done = transactions.execute(status -> {
            jdbc.update("INSERT INTO telemetry_person_month_total (month_index, person_id, person_ref) VALUES (?, 1, '')",
                    MONTH + 1);
            List<String> ran = upkeep.run();
            status.setRollbackOnly();
            return ran;
        });
        assertThat(done).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM telemetry_person_month_total WHERE month_index = ?",
                Long.class, MONTH + 1)).isZero();
    }

    private long vacuums() {
        return jdbc.queryForObject("SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                + "AND relname = 'telemetry_person_month_total'", Long.class);
    }
}
