package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.TelemetrySource;
import java.time.Instant;

/**
 * What the usage event list filters by, resolved to ids; every field is optional ({@code null}).
 * An AI system or workflow key that names none is {@link #NO_ID}: nothing matches it.
 *
 * @param personId a person of the directory
 * @param personRef the reference a source gave for someone not in the directory
 * @param from events at or after
 * @param to events before
 */
public record UsageEventFilter(TelemetrySource source, Long personId, String personRef, Long systemId, Long workflowId,
        Instant from, Instant to, Attribution attribution, Long batchId) {

    /** Matches no AI system or workflow (ids are positive). */
    public static final long NO_ID = -1;

    public static UsageEventFilter none() {
        return new UsageEventFilter(null, null, null, null, null, null, null, null, null);
    }
}
