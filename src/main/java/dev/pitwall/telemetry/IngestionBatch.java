package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import java.time.Instant;
import java.util.List;

/**
 * One ingestion request as recorded: its accounting, and the first rejections.
 *
 * @param id the batch's id
 * @param source where it came from
 * @param receivedAt when
 * @param actor who sent it (user, or the Kafka consumer)
 * @param accepted events stored
 * @param duplicates events already stored
 * @param rejected events refused
 * @param skipped items that were not usage events
 * @param rejections the first 100 rejections
 * @param rolledUp whether its events are in the daily rollups yet
 * @param queued events handed to the Kafka write path (stored by the writers, in batches of their own)
 */
public record IngestionBatch(long id, TelemetrySource source, Instant receivedAt, String actor, int accepted,
        int duplicates, int rejected, int skipped, List<Violation> rejections, boolean rolledUp,
        int queued) {
}
