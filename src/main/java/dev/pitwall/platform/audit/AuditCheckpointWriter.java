package dev.pitwall.platform.audit;

import dev.pitwall.platform.audit.internal.AuditEntries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain outside the database: every {@code pitwall.audit.checkpoints.interval}, when
 * the head moved, signs it and appends it to the checkpoint file, writes it to the log, and posts
 * it to the webhook when one is configured. Every node does so for what it sees: more anchors in
 * more places are harder to rewrite together, and the file is local to the node.
 */
@Component
class AuditCheckpointWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointWriter.class);

    private final AuditLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final AuditProperties.Checkpoints settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    AuditCheckpointWriter(AuditLog auditLog, AuditCheckpoints checkpoints, AuditProperties properties, Clock clock) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.settings = properties.checkpoints();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (checkpoints.enabled()) {
            long every = settings.interval().toMillis();
            worker.scheduleWithFixedDelay(this::writeSafely, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Checkpoints the head now when it moved since the last checkpoint.
     *
     * @return the new checkpoint, or {@code null} when there was nothing new (or checkpoints are off)
     */
    AuditCheckpoint writeNow() {
        if (!checkpoints.enabled()) {
            return null;
        }
        AuditEntries.Head head = auditLog.head();
        AuditCheckpoint last = checkpoints.last();
        if (head.lastSequence() == 0 || last != null && last.sequence() == head.lastSequence()
                && last.hash().equals(head.lastHash())) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditCheckpoint checkpoint = checkpoints.append(head.lastSequence(), head.lastHash(), now);
        log.info("Audit checkpoint: entry {} hash {} at {} signature {}", checkpoint.sequence(), checkpoint.hash(),
                checkpoint.at(), checkpoint.signature());
        post(checkpoint);
        return checkpoint;
    }

    private void writeSafely() {
        try {
            writeNow();
        } catch (RuntimeException e) {
            log.error("Could not write the audit checkpoint; the next attempt follows in {}", settings.interval(), e);
        }
    }

    private void post(AuditCheckpoint checkpoint) {
        URI target = settings.webhookUrl();
        if (target == null) {
            return;
        }
        String body = checkpoints.json(checkpoint);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("The audit checkpoint webhook answered {}", response.statusCode());
            }
        } catch (java.io.IOException e) {
            log.warn("The audit checkpoint webhook could not be reached: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A last checkpoint on the way down, so that a clean stop anchors everything written. */
    @Override
    public void destroy() {
        worker.shutdownNow();
        writeSafely();
    }
}
