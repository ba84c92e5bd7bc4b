package dev.pitwall.telemetry;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The Kafka write path could not hand a request's events to the brokers in time
 * ({@code pitwall.telemetry.kafka.writer.send-timeout}): nothing is acknowledged, the client sends
 * the request again after {@code Retry-After} seconds, and any event that did reach the brokers is
 * then a duplicate, stored once.
 */
public class IngestionUnavailable extends RetryLater {

    public IngestionUnavailable(Duration retryAfter, String cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "INGESTION_QUEUE_UNAVAILABLE", "Event queue unavailable",
                "The Kafka brokers did not acknowledge this request's events (" + cause + "); retry after "
                        + seconds(retryAfter) + " s. Nothing of this request is acknowledged; events sent"
                        + " again are stored once.", retryAfter);
    }
}
