package dev.pitwall.review.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.Evidence;
import dev.pitwall.governance.GeneratedEvidenceSource;
import dev.pitwall.governance.RiskTier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence for the governance control {@code human-oversight}, generated from the review records:
 * over the 30 days up to the day, how many submitted items a person decided, how long that took
 * (median and 95th percentile) and how many were not accepted as they were. It exists only while
 * decisions were taken in those 30 days, so it lapses when reviews stop.
 */
@Component
class ReviewEvidence implements GeneratedEvidenceSource {

    static final int DAYS = 30;

    private final JdbcClient jdbc;

    ReviewEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Map<String, List<Evidence>>> evidence(Map<Long, RiskTier> tiers, LocalDate day) {
        Map<Long, Map<String, List<Evidence>>> result = new HashMap<>();
        if (tiers.isEmpty()) {
            return result;
        }
        Instant from = day.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Long, Long> submitted = new HashMap<>();
        jdbc.sql("SELECT workflow_id, COUNT(*) AS n FROM review_item WHERE workflow_id IN (:ids) AND submitted_at >= :from "
                + "AND submitted_at < :to GROUP BY workflow_id").param("ids", List.copyOf(tiers.keySet()))
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> submitted.put(rs.getLong("workflow_id"), rs.getLong("n"))).list();
        Map<Long, List<double[]>> decided = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql("SELECT workflow_id, submitted_at, decided_at, outcome FROM review_item WHERE workflow_id IN (:ids) "
                + "AND decided_at >= :from AND decided_at < :to").param("ids", List.copyOf(tiers.keySet()))
                .param("from", utc(from)).param("to", utc(to)).query((rs, n) -> {
                    long workflow = rs.getLong("workflow_id");
                    Instant at = instant(rs, "decided_at");
                    double hours = Duration.between(instant(rs, "submitted_at"), at).toMillis() / 3_600_000d;
                    decided.computeIfAbsent(workflow, w -> new ArrayList<>())
                            .add(new double[] {hours, "ACCEPTED".equals(rs.getString("outcome")) ? 0 : 1});
                    last.merge(workflow, at, (a, b) -> a.isAfter(b) ? a : b);
                    return null;
                }).list();
        decided.forEach((workflow, rows) -> {
            double[] hours = rows.stream().mapToDouble(r -> r[0]).toArray();
            long changed = rows.stream().filter(r -> r[1] > 0).count();
            long sent = Math.max(submitted.getOrDefault(workflow, 0L), rows.size());
            Percentile percentile = new Percentile();
            String title = String.format(Locale.ROOT, "Human review, last %d days: %d of %d items decided by a person "
                    + "(%.0f %%), median %.1f h, p95 %.1f h, %d not accepted as proposed", DAYS, rows.size(), sent,
                    100.0 * rows.size() / sent, percentile.evaluate(hours, 50), percentile.evaluate(hours, 95), changed);
            result.computeIfAbsent(workflow, w -> new HashMap<>()).put("human-oversight", List.of(new Evidence(0, KIND,
                    title, "/review/inbox", null, null, null, null, "pitwall", last.get(workflow))));
        });
        return result;
    }
}
