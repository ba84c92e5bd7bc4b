package dev.pitwall.telemetry;

import java.time.Instant;

/**
 * What one source has delivered, summed over its batches.
 *
 * @param source the source
 * @param batches requests that stored or refused something
 * @param accepted events stored
 * @param duplicates events sent again (stored once)
 * @param rejected items refused
 * @param skipped items that were not usage events
 * @param lastReceivedAt when the last batch arrived, or {@code null}
 */
public record SourceStatus(TelemetrySource source, long batches, long accepted, long duplicates, long rejected,
        long skipped, Instant lastReceivedAt) {
}
