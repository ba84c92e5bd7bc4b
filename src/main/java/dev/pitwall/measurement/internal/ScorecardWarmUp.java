package dev.pitwall.measurement.internal;

import dev.pitwall.measurement.MeasurementProperties;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.platform.security.SystemActor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes today's organization scorecard once the application is ready, on the cache's refresh
 * thread: on a large organization a computation takes about a second, and without this the first
 * reader after every restart would wait for it (pitwall.measurement.warm-up).
 */
@Component
class ScorecardWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ScorecardWarmUp.class);

    private final ScorecardService scorecards;
    private final MeasurementProperties properties;
    private final ExecutorService refresher;

    ScorecardWarmUp(ScorecardService scorecards, MeasurementProperties properties, ExecutorService scorecardRefresher) {
        this.scorecards = scorecards;
        this.properties = properties;
        this.refresher = scorecardRefresher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!properties.warmUp()) {
            return;
        }
        refresher.execute(() -> {
            try {
                long started = System.nanoTime();
                SystemActor.runAs("scorecard-warm-up", () -> scorecards.organization(null));
                log.info("Today's organization scorecard was computed in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Warming the organization scorecard failed; the first reader computes it: {}", e.getMessage());
            }
        });
    }
}
