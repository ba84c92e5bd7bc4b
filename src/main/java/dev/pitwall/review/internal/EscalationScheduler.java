package dev.pitwall.review.internal;

import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.review.ReviewProperties;
import dev.pitwall.review.ReviewService;
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
 * Checks review deadlines every {@code pitwall.review.escalation-interval}. Each overdue item is
 * locked while it is escalated, so nodes checking at once escalate it once.
 */
@Component
class EscalationScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EscalationScheduler.class);

    private final ReviewService reviews;
    private final ReviewProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pitwall-review-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    EscalationScheduler(ReviewService reviews, ReviewProperties properties) {
        this.reviews = reviews;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.escalate()) {
            long every = properties.escalationInterval().toMillis();
            worker.scheduleWithFixedDelay(this::escalate, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void escalate() {
        try {
            int escalated = SystemActor.runAs("pitwall", reviews::escalateOverdue);
            if (escalated > 0) {
                log.info("Review deadlines: {} items escalated.", escalated);
            }
            int removed = SystemActor.runAs("pitwall", reviews::removeExpiredContent);
            if (removed > 0) {
                log.info("Review content retention: the content of {} items removed.", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Checking review deadlines failed; the next check tries again: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
