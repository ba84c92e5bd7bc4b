package dev.pitwall.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A pre-registered expectation: the effect on one outcome KPI the owner expected before the AI
 * went live, and within how many months.
 *
 * @param expectedEffect the expected change of the KPI, in its unit, signed (−500 hours: 500 fewer)
 * @param horizonMonths within how many months after the AI go-live
 */
public record Expectation(long id, String workflowKey, long kpiId, String kpiName, String unit,
        BigDecimal expectedEffect, int horizonMonths, String note, String recordedBy, Instant recordedAt) {

    /** The day by which the effect was expected: the go-live plus the horizon. */
    public LocalDate dueOn(LocalDate goLive) {
        return goLive == null ? null : goLive.plusMonths(horizonMonths);
    }
}
