package dev.pitwall.operations.internal;

import dev.pitwall.operations.MonitorEvaluation;
import dev.pitwall.operations.OperationsProperties;
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
 * Runs an evaluation round every {@code pitwall.operations.round-interval} on every node that
 * evaluates; the round's claim makes sure only one of them does the work of each round.
 */
@Component
class EvaluationScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvaluationScheduler.class);

    private final MonitorEvaluation evaluation;
    private final OperationsProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pitwall-monitors");
        thread.setDaemon(true);
        return thread;
    });

    EvaluationScheduler(MonitorEvaluation evaluation, OperationsProperties properties) {
        this.evaluation = evaluation;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.evaluate()) {
            return;
        }
        long interval = properties.roundInterval().toMillis();
        // The first round soon after start: a restarted node shows its monitors' state at once.
        worker.scheduleWithFixedDelay(this::runSafely, Math.min(interval, 5_000), interval, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            MonitorEvaluation.RoundResult result = evaluation.evaluate();
            if (result.claimed() && (result.opened() > 0 || result.escalated() > 0)) {
                log.info("Monitor round {}: {} monitors, {} firing, {} incidents opened, {} escalated.", result.round(),
                        result.monitors(), result.firing(), result.opened(), result.escalated());
            }
        } catch (RuntimeException e) {
            log.warn("Monitor round failed; the next round will try again: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
