package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import java.util.List;

/**
 * What a reader made of one request: the events it could read, why it refused the others, and how
 * many items were not usage events at all.
 *
 * @param events events read, in request order
 * @param rejections items that could not be read, by line
 * @param skipped items that were not usage events (e.g. non-GenAI spans); counted, not stored
 */
public record ParsedBatch(List<IncomingEvent> events, List<Violation> rejections, int skipped) {

    public ParsedBatch {
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }
}
