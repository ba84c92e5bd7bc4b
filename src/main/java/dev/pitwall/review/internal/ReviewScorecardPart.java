package dev.pitwall.review.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.ScorecardPart;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.review.ReviewReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human review's part of a workflow's scorecard, over the scorecard's window (UTC days, as the
 * rest of the scorecard): how many items were submitted and decided, how many wait at its end,
 * how long a decision took (median and 95th percentile, Commons Math), the deadlines missed, the
 * share accepted as proposed, and why the others were not (docs/review.md, "Figures").
 */
@Component
class ReviewScorecardPart implements ScorecardPart {

    private final JdbcClient jdbc;
    private final WorkflowService workflows;

    ReviewScorecardPart(JdbcClient jdbc, WorkflowService workflows) {
        this.jdbc = jdbc;
        this.workflows = workflows;
    }

    @Override
    public Optional<Part> of(String workflowKey, LocalDate from, LocalDate asOf) {
        Optional<Long> workflow = workflows.findByKey(workflowKey).map(w -> w.id());
        if (workflow.isEmpty()) {
            return Optional.empty();
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        record Row(Instant submitted, Instant decided, String outcome, String reason, int breaches) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT submitted_at, decided_at, outcome, reason, breaches FROM review_item
                WHERE workflow_id = :workflow AND submitted_at < :end AND (decided_at IS NULL OR decided_at >= :start)""")
                .param("workflow", workflow.get()).param("start", utc(start)).param("end", utc(end))
                .query((rs, n) -> new Row(instant(rs, "submitted_at"), instant(rs, "decided_at"), rs.getString("outcome"),
                        rs.getString("reason"), rs.getInt("breaches"))).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long submitted = rows.stream().filter(r -> !r.submitted().isBefore(start)).count();
        List<Row> decided = rows.stream().filter(r -> r.decided() != null && r.decided().isBefore(end)).toList();
        long pending = rows.stream().filter(r -> r.decided() == null || !r.decided().isBefore(end)).count();
        long breaches = rows.stream().filter(r -> !r.submitted().isBefore(start)).mapToLong(Row::breaches).sum();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("reviewItemsSubmitted", submitted, "count"));
        figures.add(Figure.of("reviewItemsDecided", decided.size(), "count"));
        figures.add(Figure.of("reviewItemsPending", pending, "count"));
        if (decided.isEmpty()) {
            String why = "no item was decided in the window";
            figures.add(Figure.missing("reviewTimeMedian", "hours", why));
            figures.add(Figure.missing("reviewTimeP95", "hours", why));
            figures.add(Figure.missing("reviewAcceptedShare", "ratio", why));
        } else {
            double[] hours = decided.stream()
                    .mapToDouble(r -> Duration.between(r.submitted(), r.decided()).toMillis() / 3_600_000d).toArray();
            Percentile percentile = new Percentile();
            figures.add(Figure.of("reviewTimeMedian", percentile.evaluate(hours, 50), "hours"));
            figures.add(Figure.of("reviewTimeP95", percentile.evaluate(hours, 95), "hours"));
            figures.add(Figure.of("reviewAcceptedShare",
                    (double) decided.stream().filter(r -> "ACCEPTED".equals(r.outcome())).count() / decided.size(), "ratio"));
        }
        figures.add(Figure.of("reviewDeadlineBreaches", breaches, "count"));
        Map<ReviewReason, Long> reasons = new EnumMap<>(ReviewReason.class);
        decided.stream().filter(r -> r.reason() != null && !"ACCEPTED".equals(r.outcome()))
                .forEach(r -> reasons.merge(ReviewReason.valueOf(r.reason()), 1L, Long::sum));
        List<Count> breakdown = reasons.entrySet().stream()
                .map(e -> new Count(label(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed()).toList();
        return Optional.of(new Part("review", "Human review", figures, "Why outputs were not accepted as proposed",
                breakdown, "docs/review.md"));
    }

    private static String label(ReviewReason reason) {
        return switch (reason) {
            case FACTUALLY_WRONG -> "Factually wrong";
            case POLICY_BREACH -> "Policy breach";
            case INCOMPLETE -> "Incomplete";
            case WRONG_TONE -> "Wrong tone";
            case OTHER -> "Other";
        };
    }
}
