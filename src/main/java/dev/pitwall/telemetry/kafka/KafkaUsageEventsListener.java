package dev.pitwall.telemetry.kafka;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionRejected;
import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.ingest.NativeEventsReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Consumes a batch of records: valid events are stored through the same ingestion as HTTP (same
 * validation, idempotency and accounting; ids shared with native events), records that are not
 * valid events go to the dead-letter topic with the reason, and only then does the container
 * commit the batch's offsets. A failure to store or to dead-letter throws, so the batch is read
 * again: at-least-once delivery, and event ids make it exactly-once in the store.
 */
class KafkaUsageEventsListener implements BatchMessageListener<String, String> {

    static final String REJECTION_HEADER = DeadLetters.REJECTION_HEADER;
    static final String ORIGIN_TOPIC_HEADER = DeadLetters.ORIGIN_TOPIC_HEADER;

    private final UsageEventIngestion ingestion;
    private final NativeEventsReader reader;
    private final KafkaTemplate<String, String> deadLetters;
    private final TelemetryProperties.Kafka properties;

    KafkaUsageEventsListener(UsageEventIngestion ingestion, NativeEventsReader reader,
            KafkaTemplate<String, String> deadLetters, TelemetryProperties.Kafka properties) {
        this.ingestion = ingestion;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        List<String> values = new ArrayList<>(records.size());
        records.forEach(r -> values.add(r.value()));
        ParsedBatch parsed = reader.readRecords(values);
        IngestionResult result;
        try {
            result = ingestion.ingest(TelemetrySource.NATIVE, TelemetrySource.KAFKA, parsed, true,
                    "kafka:" + properties.groupId());
        } catch (IngestionRejected e) {
            result = e.result();
        }
        deadLetter(records, result.rejections());
    }

    private void deadLetter(List<ConsumerRecord<String, String>> records, List<Violation> rejections) {
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        DeadLetters.reasonsByLine(rejections).forEach((line, reason) -> sent.add(deadLetters.send(
                DeadLetters.of(properties.deadLetterTopic(), records.get(line - 1), reason))));
        DeadLetters.awaitAll(sent);
    }
}
