package dev.pitwall.board.internal;

import dev.pitwall.board.BoardProperties;
import dev.pitwall.board.BoardSubscriptionService;
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
 * Sends the board packs that are due to their subscribers: at start and every
 * {@code pitwall.board.subscription-sweep}. Safe on several nodes: each subscription gets each
 * period's pack once, whichever node is first.
 */
@Component
class BoardSubscriptionSweep {

    private static final Logger log = LoggerFactory.getLogger(BoardSubscriptionSweep.class);

    private final BoardSubscriptionService subscriptions;
    private final BoardProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "board-pack-subscriptions");
        thread.setDaemon(true);
        return thread;
    });

    BoardSubscriptionSweep(BoardSubscriptionService subscriptions, BoardProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.subscriptionSweep().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            int queued = SystemActor.runAs("board-pack-subscriptions", subscriptions::sendDue);
            if (queued > 0) {
                log.info("{} board pack email(s) queued for subscribers", queued);
            }
        } catch (RuntimeException e) {
            log.warn("The board pack subscription sweep failed; it runs again later: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
