package dev.pitwall.demo;

import dev.pitwall.platform.security.SystemActor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sends the demo's export requests as several collectors would: a few at once, each through the
 * ingestion path in its own transaction, while the generator prepares the next. At most
 * {@code parallel} requests are sent or waiting at a time, so memory stays bounded.
 */
final class NorthwindExporter implements AutoCloseable {

    private final ExecutorService senders;
    private final Semaphore slots;
    private final List<Future<Integer>> sent = new ArrayList<>();

    NorthwindExporter(int parallel) {
        this.senders = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "demo-exporter");
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(parallel * 2);
    }

    /** Queues one request; {@code export} returns how many items it stored. */
    void send(Callable<Integer> export) {
        slots.acquireUninterruptibly();
        sent.add(senders.submit(() -> {
            try {
                return SystemActor.runAs(NorthwindTelemetry.ACTOR, () -> {
                    try {
                        return export.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                slots.release();
            }
        }));
    }

    /** Waits until every request queued so far is stored; returns the items they stored. */
    int await() {
        int stored = 0;
        try {
            for (Future<Integer> request : sent) {
                stored += request.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the demo's telemetry", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            sent.clear();
        }
        return stored;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
