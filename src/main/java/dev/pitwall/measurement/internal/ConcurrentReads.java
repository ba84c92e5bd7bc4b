package dev.pitwall.measurement.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a scoring run's large, independent aggregates (active days, slices, people's activity) side
 * by side: each takes hundreds of milliseconds on a big organization and they share nothing. A read
 * started here runs outside the caller's transaction, on a connection of its own, so it must not
 * need to see the caller's uncommitted writes; scoring only reads.
 */
@Component
public class ConcurrentReads {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "scorecard-read-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** A read started now; {@link Read#get()} waits for it. */
    public <T> Read<T> start(Supplier<T> read) {
        return new Read<>(CompletableFuture.supplyAsync(read, executor));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A read under way. */
    public static final class Read<T> {

        private final CompletableFuture<T> future;

        Read(CompletableFuture<T> future) {
            this.future = future;
        }

        /** The result, or the read's own exception (not wrapped). */
        public T get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
