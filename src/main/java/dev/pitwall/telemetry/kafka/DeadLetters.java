package dev.pitwall.telemetry.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records set aside on a dead-letter topic: the same key and value, the reason in
 * {@code pitwall-rejection} and where it came from in {@code pitwall-original-*}; shared by the
 * Kafka source and the write path's store writers.
 */
final class DeadLetters {

    static final String REJECTION_HEADER = "pitwall-rejection";
    static final String ORIGIN_TOPIC_HEADER = "pitwall-original-topic";
    static final String ORIGIN_PARTITION_HEADER = "pitwall-original-partition";
    static final String ORIGIN_OFFSET_HEADER = "pitwall-original-offset";
    /** Longer reasons are cut: a header is not a log. */
    private static final int MAX_REASON = 1000;

    private DeadLetters() {
    }

    static ProducerRecord<String, String> of(String topic, ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        String kept = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        dead.headers().add(REJECTION_HEADER, kept.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ORIGIN_TOPIC_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ORIGIN_PARTITION_HEADER, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(ORIGIN_OFFSET_HEADER, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return dead;
    }

    /** Each refused record's reasons (by its line: its place in the batch, from 1), joined. */
    static java.util.Map<Integer, String> reasonsByLine(List<dev.pitwall.platform.web.Violation> rejections) {
        java.util.Map<Integer, String> reasons = new java.util.LinkedHashMap<>();
        for (dev.pitwall.platform.web.Violation v : rejections) {
            String reason = v.field() == null ? v.reason() : v.field() + ": " + v.reason();
            reasons.merge(v.line(), reason, (a, b) -> a + "; " + b);
        }
        return reasons;
    }

    /**
     * Waits until the brokers have every dead letter; otherwise throws, so that the batch's offsets
     * are not committed and it is read again.
     */
    static void awaitAll(List<CompletableFuture<?>> sent) {
        for (CompletableFuture<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while dead-lettering records", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not dead-letter records; the batch will be read again", e);
            }
        }
    }
}
