package dev.pitwall.governance.internal;

import dev.pitwall.governance.GovernanceProperties;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.platform.security.SystemActor;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns controls whose evidence expired back to PLANNED: at start and every
 * {@code pitwall.governance.expiry-sweep}. Safe on several nodes: a second sweep finds nothing left.
 */
@Component
class EvidenceExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(EvidenceExpirySweep.class);

    private final ImplementationService implementations;
    private final GovernanceProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "evidence-expiry");
        thread.setDaemon(true);
        return thread;
    });

    EvidenceExpirySweep(ImplementationService implementations, GovernanceProperties properties) {
        this.implementations = implementations;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.expirySweep().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            int expired = SystemActor.runAs("evidence-expiry", implementations::expireEvidence);
            if (expired > 0) {
                log.info("{} control(s) turned back to PLANNED: their evidence expired", expired);
            }
        } catch (RuntimeException e) {
            log.warn("The evidence expiry sweep failed; it runs again later: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
