package dev.pitwall.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of usage, from the daily rollups.
 *
 * @param day the day (UTC)
 * @param events usage events
 * @param activePeople distinct people with at least one event that day
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
public record DailyUsage(LocalDate day, long events, long activePeople, long inputTokens, long outputTokens,
        BigDecimal cost, long errors, Double meanLatencyMs, long accepted, long edited, long overridden, long rejected,
        long unknownOutcome) {
}
