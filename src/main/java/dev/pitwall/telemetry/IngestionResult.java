package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import java.util.List;

/**
 * What one ingestion request did. Accepted events are durable when this is returned.
 *
 * @param batchId the batch the events were stored in
 * @param accepted events stored
 * @param duplicates events already stored earlier (same source and id): retries count once
 * @param rejected events refused; each is named in {@code rejections}
 * @param skipped items that were not usage events (e.g. non-GenAI spans)
 * @param rejections why each rejected event was refused, by line
 * @param queued whether the accepted events went to the Kafka write path: then they are durable in
 *     the brokers (acknowledged by all in-sync replicas) and in the store within moments, and a retry
 *     of an event stored before counts as accepted here and as a duplicate in the store writer's batch
 */
public record IngestionResult(long batchId, int accepted, int duplicates, int rejected, int skipped,
        List<Violation> rejections, boolean queued) {

    /** A result of events stored in the request's own transaction. */
    public IngestionResult(long batchId, int accepted, int duplicates, int rejected, int skipped,
            List<Violation> rejections) {
        this(batchId, accepted, duplicates, rejected, skipped, rejections, false);
    }
}
