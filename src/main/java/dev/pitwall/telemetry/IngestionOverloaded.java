package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * More ingestion requests arrived than {@code pitwall.telemetry.max-concurrent-requests}: the client
 * retries after {@code Retry-After} seconds (OTLP exporters and the Kafka consumer do so on their own).
 */
public class IngestionOverloaded extends ProblemException {

    private final Duration retryAfter;

    public IngestionOverloaded(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "INGESTION_BUSY", "Ingestion busy",
                "Pitwall is ingesting as many requests as it is configured to; retry after "
                        + seconds(retryAfter) + " s. Nothing of this request was stored.");
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return headers;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
