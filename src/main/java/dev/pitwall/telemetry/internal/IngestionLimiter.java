package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.IngestionOverloaded;
import dev.pitwall.telemetry.TelemetryProperties;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Bounds how many ingestion requests this node works on at once (each holds its body and events in
 * memory). Beyond the bound a request is refused at once with 429 and {@code Retry-After} instead
 * of queuing: senders retry, and the node never runs out of memory under a burst.
 */
@Component
public class IngestionLimiter {

    private final Semaphore permits;
    private final TelemetryProperties properties;

    IngestionLimiter(TelemetryProperties properties) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxConcurrentRequests());
    }

    /** Work that may throw, run under a permit. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public <T, E extends Exception> T run(Work<T, E> work) throws E {
        if (!permits.tryAcquire()) {
            throw new IngestionOverloaded(properties.retryAfter());
        }
        try {
            return work.run();
        } finally {
            permits.release();
        }
    }

    /** Requests being ingested right now, for the ingestion page and metrics. */
    public int inFlight() {
        return properties.maxConcurrentRequests() - permits.availablePermits();
    }
}
