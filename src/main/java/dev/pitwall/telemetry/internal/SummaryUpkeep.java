package dev.pitwall.telemetry.internal;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the tables the rollup worker adds to compact on PostgreSQL, whether or not autovacuum runs.
 *
 * <p>Every rolled-up batch updates rows of the daily rollups and the summaries scorecards read,
 * each update leaving a dead row version. Only VACUUM makes that space reusable; where autovacuum
 * is off, or busy with large event partitions, the summaries grew to 4–13 times their rows' size
 * while 10 million events were ingested, and alignment, which reads the window's person months
 * whole, went from 30 ms to 0.1–0.9 s (docs/scaling.md, "Summaries kept compact"). So between the
 * rollup worker's runs, at most once per {@code pitwall.telemetry.summary-upkeep} (60 s),
 * one node (a session advisory lock) vacuums and analyzes each such table whose dead rows exceed
 * 5 % of its live ones, and analyzes each event (and key) partition that changed by a fifth since
 * it was last analyzed: without statistics the planner misjudged new partitions (scaling.md).
 * Where autovacuum keeps up, nothing is due and this costs one catalog query a minute.
 */
@Component
public class SummaryUpkeep {

    private static final Logger log = LoggerFactory.getLogger(SummaryUpkeep.class);
    /** Any fixed key: pg_try_advisory_lock's, shared by every node of one database. */
    private static final long LOCK = 0x70697477616c6c01L;

    /** The tables every rolled-up batch updates (or, for the batch rollups, inserts and deletes). */
    static final List<String> SUMMARIES = List.of("telemetry_daily_rollup", "telemetry_daily_slice",
            "telemetry_active_month", "telemetry_active_pack", "telemetry_person_month", "telemetry_person_month_total",
            "telemetry_batch_rollup", "telemetry_batch", "telemetry_rollup_lock");

    /** What PostgreSQL's statistics say of one table. */
    record TableStats(String table, long live, long dead, long modifiedSinceAnalyze) {
    }

    /** What is due for one table: {@code VACUUM (ANALYZE)} or {@code ANALYZE}. */
    record Due(String table, boolean vacuum) {

        String statement() {
            return (vacuum ? "VACUUM (ANALYZE) " : "ANALYZE ") + table;
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<Instant> last = new AtomicReference<>();

    SummaryUpkeep(JdbcTemplate jdbc, DatabaseKind database, Clock clock,
            @Value("${pitwall.telemetry.summary-upkeep:60s}") Duration interval) {
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Called by the rollup worker after each of its runs and sweeps, outside any transaction: does
     * what is due unless it looked less than the interval ago (or upkeep is off: interval 0, or H2).
     */
    public void afterRollup() {
        if (!postgres || interval.isZero() || interval.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Instant before = last.get();
        if (before != null && now.isBefore(before.plus(interval)) || !last.compareAndSet(before, now)) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            // Upkeep is an optimisation: the rollups are right without it, and it runs again later.
            log.warn("Vacuuming the usage summaries failed; will try again: {}", e.getMessage());
        }
    }

    /** Does what is due now, on one node; the statements it ran. */
    public List<String> run() {
        if (!postgres || org.springframework.transaction.support.TransactionSynchronizationManager
                .isActualTransactionActive()) {
            // VACUUM needs a connection of its own in auto-commit: never the caller's transaction's.
            return List.of();
        }
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            // VACUUM cannot run inside a transaction block.
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                if (!locked(statement, "SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                    return List.of();
                }
                try {
                    List<String> done = new ArrayList<>();
                    for (Due due : due(stats(statement))) {
                        statement.execute(due.statement());
                        done.add(due.statement());
                    }
                    if (!done.isEmpty()) {
                        log.info("Usage summaries kept compact: {}", done);
                    }
                    return done;
                } finally {
                    locked(statement, "SELECT pg_advisory_unlock(" + LOCK + ")");
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private static boolean locked(Statement statement, String sql) throws java.sql.SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static List<TableStats> stats(Statement statement) throws java.sql.SQLException {
        List<TableStats> stats = new ArrayList<>();
        // The summaries by name (constants), the partitions by their names' prefixes.
        try (ResultSet rs = statement.executeQuery("""
                SELECT relname, n_live_tup, n_dead_tup, n_mod_since_analyze FROM pg_stat_user_tables
                WHERE schemaname = current_schema() AND (relname IN ('%s')
                    OR relname LIKE 'telemetry\\_usage\\_event\\_%%' OR relname LIKE 'telemetry\\_event\\_key\\_%%')
                """.formatted(String.join("', '", SUMMARIES)))) {
            while (rs.next()) {
                stats.add(new TableStats(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return stats;
    }

    /**
     * The summaries with dead rows beyond 1,000 and 5 % of their live ones are vacuumed (and
     * analyzed); event and key partitions, which only ingestion inserts into, are analyzed once a
     * fifth of their rows (and at least 10,000) changed since they last were.
     */
    static List<Due> due(List<TableStats> stats) {
        List<Due> due = new ArrayList<>();
        for (TableStats s : stats) {
            if (SUMMARIES.contains(s.table())) {
                if (s.dead() > 1_000 + s.live() / 20) {
                    due.add(new Due(s.table(), true));
                }
            } else if (s.modifiedSinceAnalyze() > Math.max(10_000, s.live() / 5)) {
                due.add(new Due(s.table(), false));
            }
        }
        return due;
    }
}
