package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An ingestion request refused for now, not for what it holds: answered with {@code Retry-After}
 * (whole seconds, at least 1), which OTLP exporters and well-behaved clients honour.
 */
public abstract class RetryLater extends ProblemException {

    private final Duration retryAfter;

    protected RetryLater(HttpStatus status, String code, String title, String detail, Duration retryAfter) {
        super(status, code, title, detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        return headers;
    }

    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    protected static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
