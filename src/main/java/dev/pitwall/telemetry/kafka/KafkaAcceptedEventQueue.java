package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.IngestionUnavailable;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.AcceptedEventQueue;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import java.time.Duration;
import java.util.ArrayList;
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
class KafkaAcceptedEventQueue implements AcceptedEventQueue {

    private static final Logger log = LoggerFactory.getLogger(KafkaAcceptedEventQueue.class);

    private final KafkaTemplate<String, String> producer;
    private final String topic;
    private final Duration sendTimeout;
    private final Duration retryAfter;

    KafkaAcceptedEventQueue(KafkaTemplate<String, String> producer, TelemetryProperties properties) {
        this.producer = producer;
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

    private IngestionUnavailable unavailable(String cause, Exception e) {
        log.warn("Kafka write path ({}): a request's events were not acknowledged ({}); answered 503", topic, cause, e);
        return new IngestionUnavailable(retryAfter, cause);
    }
}
