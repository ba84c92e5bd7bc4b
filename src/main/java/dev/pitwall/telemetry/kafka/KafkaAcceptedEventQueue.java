package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.IngestionUnavailable;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.AcceptedEventQueue;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a request's accepted events to the write path's topic with an idempotent producer and
 * {@code acks=all}, and returns only when every send is acknowledged; any failure or a wait longer
 * than the send timeout answers 503 and acknowledges nothing.
 */
class KafkaAcceptedEventQueue implements AcceptedEventQueue, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaAcceptedEventQueue.class);
    private static final int BACKLOG_TIMEOUT_S = 3;

    private final KafkaTemplate<String, String> producer;
    private final String topic;
    private final Duration sendTimeout;
    private final Duration retryAfter;
    private final String groupId;
    private final java.util.function.Supplier<Admin> adminFactory;
    private Admin admin;

    KafkaAcceptedEventQueue(KafkaTemplate<String, String> producer, TelemetryProperties properties,
            java.util.function.Supplier<Admin> adminFactory) {
        this.producer = producer;
        this.groupId = properties.kafka().writer().groupId();
        this.adminFactory = adminFactory;
        this.topic = properties.kafka().writer().topic();
        this.sendTimeout = properties.kafka().writer().sendTimeout();
        this.retryAfter = properties.retryAfter();
    }

    @Override
    public void send(TelemetrySource source, TelemetrySource batchSource, List<ResolvedEvent> events) {
        List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
        try {
            for (ResolvedEvent event : events) {
                QueuedEvent queued = QueuedEvent.of(source, batchSource, event);
                sent.add(producer.send(topic, queued.key(), queued.toJson()));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionUnavailable(retryAfter, "interrupted");
        } catch (TimeoutException e) {
            throw unavailable("not acknowledged within " + sendTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause() == null ? e.toString() : e.getCause().getClass().getSimpleName(), e);
        } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            // send() itself fails when the brokers' metadata is not there within max.block.ms.
            throw unavailable(e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public OptionalLong backlog() {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(BACKLOG_TIMEOUT_S, TimeUnit.SECONDS);
            TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(BACKLOG_TIMEOUT_S, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicPartitionInfo partition : description.partitions()) {
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.earliest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(BACKLOG_TIMEOUT_S, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                    .get(BACKLOG_TIMEOUT_S, TimeUnit.SECONDS);
            long backlog = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                // A partition the writers never committed is read from its start.
                long from = done == null ? starts.get(end.getKey()).offset() : done.offset();
                backlog += Math.max(0, end.getValue().offset() - from);
            }
            return OptionalLong.of(backlog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            log.debug("Kafka write path: the backlog could not be read", e);
            return OptionalLong.empty();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = adminFactory.get();
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private IngestionUnavailable unavailable(String cause, Exception e) {
        log.warn("Kafka write path ({}): a request's events were not acknowledged ({}); answered 503", topic, cause, e);
        return new IngestionUnavailable(retryAfter, cause);
    }
}
