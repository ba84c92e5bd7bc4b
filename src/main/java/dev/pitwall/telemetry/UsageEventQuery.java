package dev.pitwall.telemetry;

import java.time.Instant;

/**
 * Filters of the usage events list; each is optional.
 *
 * @param person email, external id or (for unattributed users) the reference the source gave
 * @param system AI system key
 * @param workflow workflow key
 * @param from events at or after
 * @param to events before
 * @param source where they came from
 * @param attribution how their workflow was decided ({@code NONE}: unaligned use)
 * @param batchId the batch they arrived in
 */
public record UsageEventQuery(String person, String system, String workflow, Instant from, Instant to,
        TelemetrySource source, Attribution attribution, Long batchId) {
}
