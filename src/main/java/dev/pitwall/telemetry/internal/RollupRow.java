package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.IncomingEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A daily rollup row, keyed as {@code telemetry_daily_rollup}: 0 and '' stand for "no person, AI
 * system, workflow" and "a person of the directory". The values in the order of
 * {@link Rollups#COLUMNS}.
 */
public record RollupRow(LocalDate day, long personId, String personRef, long systemId, long workflowId, long events,
        long inputTokens, long outputTokens, BigDecimal cost, long errors, long latencyMs, long timedEvents,
        long accepted, long edited, long overridden, long rejected, long unknownOutcome) {

    private record Key(LocalDate day, long personId, String personRef, long systemId, long workflowId) {
    }

    private static final Comparator<RollupRow> BY_KEY = Comparator.comparing(RollupRow::day)
            .thenComparingLong(RollupRow::personId).thenComparing(RollupRow::personRef)
            .thenComparingLong(RollupRow::systemId).thenComparingLong(RollupRow::workflowId);

    /**
     * Events grouped into rollup rows exactly as the database's SQL groups stored events
     * ({@code UsageEvents}): each cost rounded to the column's six decimals before it is summed,
     * absent tokens and latencies counted as 0 and not timed. Sorted by key.
     */
    public static List<RollupRow> group(List<ResolvedEvent> events) {
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, BigDecimal> costs = new LinkedHashMap<>();
        for (ResolvedEvent r : events) {
            IncomingEvent e = r.event();
            Key key = new Key(e.day(), r.personId() == null ? 0 : r.personId(),
                    r.personId() == null && r.personRef() != null ? r.personRef() : "",
                    r.systemId() == null ? 0 : r.systemId(), r.workflowId() == null ? 0 : r.workflowId());
            long[] c = counts.computeIfAbsent(key, k -> new long[11]);
            c[0]++;
            c[1] += e.inputTokens() == null ? 0 : e.inputTokens();
            c[2] += e.outputTokens() == null ? 0 : e.outputTokens();
            c[3] += e.error() ? 1 : 0;
            if (e.latencyMs() != null) {
                c[4] += e.latencyMs();
                c[5]++;
            }
            switch (e.outcome()) {
                case ACCEPTED -> c[6]++;
                case EDITED -> c[7]++;
                case OVERRIDDEN -> c[8]++;
                case REJECTED -> c[9]++;
                case UNKNOWN -> c[10]++;
            }
            if (e.cost() != null) {
                costs.merge(key, e.cost().setScale(6, RoundingMode.HALF_UP), BigDecimal::add);
            }
        }
        List<RollupRow> rows = new ArrayList<>(counts.size());
        counts.forEach((k, c) -> rows.add(new RollupRow(k.day(), k.personId(), k.personRef(), k.systemId(),
                k.workflowId(), c[0], c[1], c[2], UsageEvents.plain(costs.getOrDefault(k, BigDecimal.ZERO)), c[3], c[4],
                c[5], c[6], c[7], c[8], c[9], c[10])));
        rows.sort(BY_KEY);
        return rows;
    }

    /**
     * Rows of the same key summed into one, sorted by key; keys whose events add up to none (taken
     * out again by a re-attribution) are left out.
     */
    public static List<RollupRow> summed(Collection<RollupRow> rows) {
        Map<Key, RollupRow> byKey = new LinkedHashMap<>();
        for (RollupRow row : rows) {
            byKey.merge(row.key(), row, RollupRow::plus);
        }
        List<RollupRow> summed = new ArrayList<>(byKey.size());
        byKey.values().stream().filter(r -> r.events() != 0).forEach(summed::add);
        summed.sort(BY_KEY);
        return summed;
    }

    private Key key() {
        return new Key(day, personId, personRef, systemId, workflowId);
    }

    /** This row's figures plus another's of the same key. */
    private RollupRow plus(RollupRow o) {
        return new RollupRow(day, personId, personRef, systemId, workflowId, events + o.events,
                inputTokens + o.inputTokens, outputTokens + o.outputTokens, UsageEvents.plain(cost.add(o.cost)),
                errors + o.errors, latencyMs + o.latencyMs, timedEvents + o.timedEvents, accepted + o.accepted,
                edited + o.edited, overridden + o.overridden, rejected + o.rejected, unknownOutcome + o.unknownOutcome);
    }

    /** The same key with every figure negated: what takes these events out of their key. */
    public RollupRow negated() {
        return new RollupRow(day, personId, personRef, systemId, workflowId, -events, -inputTokens, -outputTokens,
                UsageEvents.plain(cost.negate()), -errors, -latencyMs, -timedEvents, -accepted, -edited, -overridden,
                -rejected, -unknownOutcome);
    }

    /** The values in the order of {@link Rollups#COLUMNS}. */
    public Object[] values() {
        return new Object[] {day, personId, personRef, systemId, workflowId, events, inputTokens, outputTokens, cost,
            errors, latencyMs, timedEvents, accepted, edited, overridden, rejected, unknownOutcome};
    }
}
