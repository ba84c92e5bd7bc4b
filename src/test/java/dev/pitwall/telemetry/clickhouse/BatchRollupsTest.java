package dev.pitwall.telemetry.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.telemetry.internal.RollupRow;
import dev.pitwall.testing.ScratchDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ClickHouse store's rollup rows waiting for the worker, on the real database (H2, and
 * PostgreSQL in its pass): a batch's rows as one CSV text come back exactly, whatever a person's
 * reference holds; the worker's take sums them by key with a re-attribution's deltas and deletes
 * them; rows waiting in the former one-row-per-rollup-row table (V4_23) survive the upgrade.
 */
@Tag("db")
class BatchRollupsTest {

    private static final String HOSTILE = "a,\"b\"\n\r'; DROP TABLE x; --\\ \u202Eevil\u202C \uD83D\uDE00 é";

    private ScratchDatabase database;
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void createDatabase() {
        database = new ScratchDatabase();
        dataSource = database.dataSource();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aBatchsRowsComeBackExactlyAndAreTakenSummedByKey() {
        flyway().load().migrate();
        BatchRollups rollups = new BatchRollups(JdbcClient.create(dataSource));
        List<RollupRow> first = rows(new Random(7), 600);
        List<RollupRow> second = rows(new Random(8), 400);
        rollups.add(1, first);
        rollups.add(2, second);
        rollups.add(3, List.of()); // nothing to wait for

        assertThat(BatchRollups.parse(BatchRollups.csv(first))).isEqualTo(first);
        assertThat(rollups.pending(List.of(1L, 2L, 3L, 4L))).containsExactlyInAnyOrder(1L, 2L);

        // A re-attribution of batch 2: its first row's events move to another workflow.
        RollupRow moved = second.get(0);
        RollupRow there = new RollupRow(moved.day(), moved.personId(), moved.personRef(), moved.systemId(), 999_999,
                moved.events(), moved.inputTokens(), moved.outputTokens(), moved.cost(), moved.errors(),
                moved.latencyMs(), moved.timedEvents(), moved.accepted(), moved.edited(), moved.overridden(),
                moved.rejected(), moved.unknownOutcome());
        rollups.add(2, List.of(moved.negated(), there));

        List<RollupRow> taken = rollups.take(List.of(1L, 2L));

        List<RollupRow> expected = new ArrayList<>(first);
        expected.addAll(second.subList(1, second.size()));
        expected.add(there);
        assertThat(taken).isEqualTo(RollupRow.summed(expected));
        assertThat(taken).noneMatch(r -> r.workflowId() == moved.workflowId() && r.day().equals(moved.day())
                && r.personRef().equals(moved.personRef()) && r.personId() == moved.personId()
                && r.systemId() == moved.systemId());
        assertThat(taken.stream().mapToLong(RollupRow::events).sum()).isEqualTo(
                first.stream().mapToLong(RollupRow::events).sum() + second.stream().mapToLong(RollupRow::events).sum());
        assertThat(taken.stream().map(RollupRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(
                first.stream().map(RollupRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .add(second.stream().map(RollupRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertThat(taken).anyMatch(r -> r.personRef().equals(HOSTILE));
        assertThat(rollups.pending(List.of(1L, 2L))).isEmpty();
        assertThat(rollups.take(List.of(1L, 2L))).isEmpty();
    }

    @Test
    void rowsWaitingAtTheUpgradeAreKept() {
        flyway().target("4.23").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                INSERT INTO telemetry_batch_rollup (batch_id, event_day, person_id, person_ref, system_id, workflow_id,
                    events, input_tokens, output_tokens, cost, errors, latency_ms, timed_events, accepted, edited,
                    overridden, rejected, unknown_outcome)
                VALUES (5, DATE '2026-11-02', 7, '', 1, 3, 4, 100, 50, 0.0105, 1, 900, 3, 1, 1, 0, 1, 1),
                       (5, DATE '2026-11-02', 0, ?, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
                       (6, DATE '2026-11-03', 7, '', 1, 3, 4, 100, 50, 0.0105, 1, 900, 3, 1, 1, 0, 1, 1),
                       (6, DATE '2026-11-03', 7, '', 1, 3, -4, -100, -50, -0.0105, -1, -900, -3, -1, -1, 0, -1, -1)
                """, HOSTILE);

        flyway().load().migrate();

        BatchRollups rollups = new BatchRollups(JdbcClient.create(dataSource));
        assertThat(rollups.pending(List.of(5L, 6L, 7L))).containsExactlyInAnyOrder(5L, 6L);
        assertThat(rollups.take(List.of(5L))).containsExactly(
                new RollupRow(LocalDate.parse("2026-11-02"), 0, HOSTILE, 2, 0, 2, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0,
                        0, 0, 2),
                new RollupRow(LocalDate.parse("2026-11-02"), 7, "", 1, 3, 4, 100, 50, new BigDecimal("0.0105"), 1, 900,
                        3, 1, 1, 0, 1, 1));
        assertThat(rollups.take(List.of(6L))).as("a re-attribution's delta took the events away").isEmpty();
        assertThat(rollups.pending(List.of(5L, 6L))).isEmpty();
    }

    /** Rollup rows of a large organization: nearly every one a key of its own, with the awkward references. */
    private static List<RollupRow> rows(Random random, int n) {
        List<RollupRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean unknown = random.nextInt(5) == 0;
            long events = 1 + random.nextInt(3);
            rows.add(new RollupRow(LocalDate.parse("2026-09-01").plusDays(random.nextInt(90)),
                    unknown ? 0 : 1 + random.nextInt(10_000), unknown ? (i % 2 == 0 ? HOSTILE : "p" + i) : "",
                    1 + random.nextInt(4), random.nextInt(500), events, random.nextInt(5_000), random.nextInt(2_000),
                    new BigDecimal(random.nextInt(1_000_000)).movePointLeft(6).stripTrailingZeros(),
                    random.nextInt(2), random.nextInt(9_000), events, events, 0, 0, 0, 0));
        }
        return RollupRow.summed(rows);
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return database.flyway();
    }
}
