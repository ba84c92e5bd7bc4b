package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventIngestion;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * A store writer of the Kafka write path: stores each batch of accepted events it reads, one
 * transaction per source, and only then lets the container commit the batch's offsets. A writer
 * that stops between the two (killed, or out of the group) leaves the batch to be read again by
 * another: what it stored is then found by the unique key (source, event id, day) and counted as
 * duplicates, so every acknowledged event is stored exactly once. A failure to store throws, and
 * the container reads the same batch again after {@code pitwall.telemetry.kafka.retry-backoff}. A
 * record that is not an accepted event, or breaks a rule of events, goes to the dead-letter topic
 * with the reason (the others of its batch are stored).
 */
class StoreWriter implements BatchMessageListener<String, String> {

    private final UsageEventIngestion ingestion;
    private final KafkaTemplate<String, String> deadLetters;
    private final String deadLetterTopic;
    private final String actor;

    StoreWriter(UsageEventIngestion ingestion, KafkaTemplate<String, String> deadLetters, String deadLetterTopic,
            String groupId) {
        this.ingestion = ingestion;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterTopic;
        this.actor = "kafka-writer:" + groupId;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        Map<List<TelemetrySource>, List<ResolvedEvent>> bySource = new LinkedHashMap<>();
        List<CompletableFuture<?>> deadLettered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            QueuedEvent queued;
            try {
                queued = QueuedEvent.fromJson(record.value());
            } catch (RuntimeException e) {
                // Not written by a Pitwall node (or by a later version): kept aside with the reason.
                deadLettered.add(deadLetter(record,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            bySource.computeIfAbsent(List.of(queued.source(), queued.batchSource()), k -> new ArrayList<>())
                    .add(queued.resolved(i + 1));
        }
        for (Map.Entry<List<TelemetrySource>, List<ResolvedEvent>> group : bySource.entrySet()) {
            IngestionResult result = ingestion.storeQueued(group.getKey().get(0), group.getKey().get(1), group.getValue(),
                    actor);
            DeadLetters.reasonsByLine(result.rejections())
                    .forEach((line, reason) -> deadLettered.add(deadLetter(records.get(line - 1), reason)));
        }
        DeadLetters.awaitAll(deadLettered);
    }

    private CompletableFuture<?> deadLetter(ConsumerRecord<String, String> record, String reason) {
        return deadLetters.send(DeadLetters.of(deadLetterTopic, record, reason));
    }
}
