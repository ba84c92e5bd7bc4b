package dev.pitwall.telemetry;

import static dev.pitwall.platform.jdbc.SqlValues.date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Day-by-day usage of one workflow or one AI system, for monitors: totals from the daily rollups
 * (cheap at any volume) and the latency percentile from the raw events of a short window.
 */
@Service
@Transactional(readOnly = true)
public class UsageSignals {

    /** Whose usage: a workflow's events (on any system) or an AI system's (in any workflow or none). */
    public record Target(Long workflowId, Long systemId) {

        public Target {
            if ((workflowId == null) == (systemId == null)) {
                throw new IllegalArgumentException("a workflow or an AI system, not both");
            }
        }

        public static Target workflow(long id) {
            return new Target(id, null);
        }

        public static Target system(long id) {
            return new Target(null, id);
        }

        String column() {
            return workflowId != null ? "workflow_id" : "system_id";
        }

        long id() {
            return workflowId != null ? workflowId : systemId;
        }
    }

    /**
     * One day's (or a window's) totals.
     *
     * @param unattributed events tied to no workflow (always 0 for a workflow's target)
     */
    public record Totals(LocalDate day, long events, long errors, double cost, long accepted, long edited,
            long overridden, long rejected, long unattributed) {

        /** Events with a known outcome: the denominator of acceptance and override rates. */
        public long decided() {
            return accepted + edited + overridden + rejected;
        }

        public Totals plus(Totals other) {
            return new Totals(null, events + other.events, errors + other.errors, cost + other.cost,
                    accepted + other.accepted, edited + other.edited, overridden + other.overridden,
                    rejected + other.rejected, unattributed + other.unattributed);
        }

        public static Totals none(LocalDate day) {
            return new Totals(day, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** The 95th percentile of latency over the timed events of a window, and how many there were. */
    public record Latency(Double p95, long timedEvents) {
    }

    private final JdbcClient jdbc;
    private final dev.pitwall.telemetry.internal.UsageEventStore events;

    UsageSignals(JdbcClient jdbc, dev.pitwall.telemetry.internal.UsageEventStore events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Totals per day in [from, to], only days with events, oldest first. */
    public List<Totals> daily(Target target, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT event_day, SUM(events) AS events, SUM(errors) AS errors, SUM(cost) AS cost,
                       SUM(accepted) AS accepted, SUM(edited) AS edited, SUM(overridden) AS overridden,
                       SUM(rejected) AS rejected, SUM(CASE WHEN workflow_id = 0 THEN events ELSE 0 END) AS unattributed
                FROM telemetry_daily_rollup WHERE %s = :id AND event_day BETWEEN :from AND :to
                GROUP BY event_day ORDER BY event_day
                """.formatted(target.column()))
                .param("id", target.id()).param("from", from).param("to", to)
                .query((rs, n) -> new Totals(date(rs, "event_day"), rs.getLong("events"),
                        rs.getLong("errors"), rs.getDouble("cost"), rs.getLong("accepted"), rs.getLong("edited"),
                        rs.getLong("overridden"), rs.getLong("rejected"), rs.getLong("unattributed")))
                .list();
    }

    /** The totals of [from, to]. */
    public Totals total(Target target, LocalDate from, LocalDate to) {
        return daily(target, from, to).stream().reduce(Totals.none(null), Totals::plus);
    }

    /** Each day's latency percentile in [from, to] (days with timed events only). */
    public java.util.Map<LocalDate, Latency> dailyLatency(Target target, LocalDate from, LocalDate to) {
        return events.dailyLatency(target.column(), target.id(), from, to);
    }

    /** Latency of the events that occurred in [from, to). */
    public Latency latency(Target target, Instant from, Instant to) {
        return events.latency(target.column(), target.id(), from, to);
    }
}
