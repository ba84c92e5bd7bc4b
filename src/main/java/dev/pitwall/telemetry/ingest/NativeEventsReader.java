package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads native usage events: NDJSON (one JSON object a line; a broken line rejects only that line)
 * or a JSON array of objects (or one object). Numbering: NDJSON lines by their line in the body
 * (blank lines count but carry nothing); array elements by their position, 1 = first.
 */
@Component
public class NativeEventsReader {

    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();
    /** Reads one element of an array at a time: the rest of the array follows it. */
    private static final JsonMapper ELEMENTS = dev.pitwall.platform.web.InputJson.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final TelemetryProperties properties;

    NativeEventsReader(TelemetryProperties properties) {
        this.properties = properties;
    }

    /** NDJSON: UTF-8 lines separated by {@code \n} (a trailing {@code \r} is ignored). */
    public ParsedBatch readNdjson(byte[] body) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int line = 0;
        int items = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            line++;
            int length = end - start;
            if (length > 0 && body[start + length - 1] == '\r') {
                length--;
            }
            if (!isBlank(body, start, length)) {
                countItem(++items);
                try {
                    JsonNode node = JSON.readTree(body, start, length);
                    NativeEventFields.toEvent(node, line, events, rejections);
                } catch (JacksonException e) {
                    rejections.add(lineFailure(line, e));
                }
            }
            start = end + 1;
        }
        return new ParsedBatch(events, rejections, 0);
    }

    /** A JSON array of event objects, or a single object. Broken JSON refuses the whole body. */
    public ParsedBatch readJson(byte[] body) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        try (JsonParser parser = ELEMENTS.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                countItem(1);
                NativeEventFields.toEvent(ELEMENTS.readTree(parser), 1, events, rejections);
            } else if (first == JsonToken.START_ARRAY) {
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    countItem(++position);
                    NativeEventFields.toEvent(ELEMENTS.readTree(parser), position, events, rejections);
                }
            } else {
                throw new MalformedBody("The body must be a JSON array of usage events (or one event object).");
            }
            if (parser.nextToken() != null) {
                throw new MalformedBody("The body has content after its JSON value.");
            }
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        return new ParsedBatch(events, rejections, 0);
    }

    /**
     * Records of a Kafka batch, each one event object (the NDJSON schema); numbered from 1 in batch
     * order, so a rejection names its record.
     */
    public ParsedBatch readRecords(List<String> values) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                rejections.add(Violation.ofLine(i + 1, null, "the record has no value"));
                continue;
            }
            try {
                NativeEventFields.toEvent(JSON.readTree(value), i + 1, events, rejections);
            } catch (JacksonException e) {
                rejections.add(lineFailure(i + 1, e));
            }
        }
        return new ParsedBatch(events, rejections, 0);
    }

    /** A line (or record) that is not JSON Pitwall reads, named by its number and the field. */
    static Violation lineFailure(int line, JacksonException e) {
        dev.pitwall.platform.web.InputJson.Failure failure = dev.pitwall.platform.web.InputJson.failure(e);
        return Violation.ofLine(line, failure.field(), "is not valid JSON: " + failure.reason());
    }

    private void countItem(int items) {
        if (items > properties.maxEventsPerRequest()) {
            throw new IngestionTooLarge("The request carries more than " + properties.maxEventsPerRequest()
                    + " events (pitwall.telemetry.max-events-per-request).");
        }
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
