package dev.pitwall.telemetry;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * More ingestion requests arrived than {@code pitwall.telemetry.max-concurrent-requests}: the client
 * retries after {@code Retry-After} seconds (OTLP exporters and the Kafka consumer do so on their own).
 */
public class IngestionOverloaded extends RetryLater {

    public IngestionOverloaded(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "INGESTION_BUSY", "Ingestion busy",
                "Pitwall is ingesting as many requests as it is configured to; retry after "
                        + seconds(retryAfter) + " s. Nothing of this request was stored.", retryAfter);
    }
}
