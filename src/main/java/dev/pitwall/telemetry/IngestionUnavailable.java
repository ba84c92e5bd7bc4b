package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The Kafka write path could not hand a request's events to the brokers in time
 * ({@code pitwall.telemetry.kafka.writer.send-timeout}): nothing is acknowledged, the client sends
 * the request again after {@code Retry-After} seconds, and any event that did reach the brokers is
 * then a duplicate, stored once.
 */
public class IngestionUnavailable extends ProblemException {

    private final Duration retryAfter;

    public IngestionUnavailable(Duration retryAfter, String cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "INGESTION_QUEUE_UNAVAILABLE", "Event queue unavailable",
                "The Kafka brokers did not acknowledge this request's events (" + cause + "); retry after "
                        + seconds(retryAfter) + " s. Nothing of this request is acknowledged; events sent"
                        + " again are stored once.");
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return headers;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
