package dev.pitwall.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of usage, from the daily rollups.
 *
 * @param day the day (UTC)
 * @param events usage events
 * @param activePeople distinct people with at least one event that day ({@code null} when withheld
 *     from a viewer who may not identify people: fewer than the minimum group size, docs/privacy.md)
 * @param inputTokens tokens in
 * @param outputTokens tokens out
 * @param cost cost
 * @param errors events that failed
 * @param meanLatencyMs mean latency of the events that reported one, or {@code null}
 * @param accepted outputs accepted as they were
 * @param edited outputs edited before use
 * @param overridden outputs a person overrode
 * @param rejected outputs rejected
 * @param unknownOutcome events without an outcome
 */
public record DailyUsage(LocalDate day, long events, Long activePeople, long inputTokens, long outputTokens,
        BigDecimal cost, long errors, Double meanLatencyMs, long accepted, long edited, long overridden, long rejected,
        long unknownOutcome) {

    /** The day with its count of people withheld when it is below {@code minGroupSize} (and not 0). */
    public DailyUsage withFewPeopleWithheld(int minGroupSize) {
        return new DailyUsage(day, events, Privacy.shown(activePeople, minGroupSize), inputTokens, outputTokens, cost,
                errors, meanLatencyMs, accepted, edited, overridden, rejected, unknownOutcome);
    }
}
