package dev.pitwall.telemetry.kafka;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionRejected;
import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.ingest.NativeEventsReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    static final String REJECTION_HEADER = "pitwall-rejection";
    static final String ORIGIN_TOPIC_HEADER = "pitwall-original-topic";
    static final String ORIGIN_PARTITION_HEADER = "pitwall-original-partition";
    static final String ORIGIN_OFFSET_HEADER = "pitwall-original-offset";

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
        Map<Integer, List<Violation>> byRecord = new LinkedHashMap<>();
        for (Violation violation : rejections) {
            byRecord.computeIfAbsent(violation.line(), line -> new ArrayList<>()).add(violation);
        }
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        for (Map.Entry<Integer, List<Violation>> entry : byRecord.entrySet()) {
            ConsumerRecord<String, String> record = records.get(entry.getKey() - 1);
            ProducerRecord<String, String> dead = new ProducerRecord<>(properties.deadLetterTopic(), record.key(),
                    record.value());
            String reason = entry.getValue().stream()
                    .map(v -> v.field() == null ? v.reason() : v.field() + ": " + v.reason())
                    .collect(Collectors.joining("; "));
            dead.headers().add(REJECTION_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            dead.headers().add(ORIGIN_TOPIC_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add(ORIGIN_PARTITION_HEADER, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add(ORIGIN_OFFSET_HEADER, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            sent.add(deadLetters.send(dead));
        }
        for (java.util.concurrent.CompletableFuture<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering rejected records", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not dead-letter rejected records; the batch will be read again", e);
            }
        }
    }
}
