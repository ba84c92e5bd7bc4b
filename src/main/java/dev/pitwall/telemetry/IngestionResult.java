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
 */
public record IngestionResult(long batchId, int accepted, int duplicates, int rejected, int skipped,
        List<Violation> rejections) {
}
