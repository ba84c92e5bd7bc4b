package dev.pitwall.telemetry;

import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.Rollups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily rollups current. Every committed batch is marked "not rolled up"; one worker
 * thread per node adds pending batches to the rollups, many at a time, under a cluster-wide lock
 * row, in the same transaction that marks them, so each batch is counted exactly once even when
 * nodes crash or several run. Ingestion signals the worker after each commit (it runs within
 * {@code pitwall.telemetry.rollup-delay}); a sweep on startup and every
 * {@code pitwall.telemetry.rollup-sweep} catches batches whose node died in between.
 */
@Service
public class RollupService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);
    /** Batches added per transaction: bounds the transaction while amortizing the lock. */
    private static final int BATCHES_PER_RUN = 200;

    private final Batches batches;
    private final Rollups rollups;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final dev.pitwall.telemetry.internal.SummaryUpkeep upkeep;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pitwall-rollup");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final java.time.Duration delay;

    RollupService(Batches batches, Rollups rollups, TransactionTemplate transactions, Clock clock,
            TelemetryProperties properties, dev.pitwall.telemetry.internal.SummaryUpkeep upkeep) {
        this.upkeep = upkeep;
        this.batches = batches;
        this.rollups = rollups;
        this.transactions = transactions;
        this.clock = clock;
        this.delay = properties.rollupDelay();
        long sweep = properties.rollupSweep().toMillis();
        worker.scheduleWithFixedDelay(this::runSafely, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the worker to roll up what is pending within {@code pitwall.telemetry.rollup-delay}; the
     * signals of that time coalesce into one run, so that under load one run adds many batches and
     * their events of the same person, system, workflow and day become one upsert.
     */
    public void signal() {
        if (queued.compareAndSet(false, true)) {
            worker.schedule(() -> {
                queued.set(false);
                runSafely();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        signal();
    }

    /**
     * Rolls up every pending batch now, in the caller's thread, and returns how many there were.
     * Tests and the demo loader use it to read rollups without waiting.
     */
    public int rollUpPending() {
        return rollUp(() -> { });
    }

    /** Rolls up every pending batch, one run (transaction) after another, with {@code betweenRuns} after each. */
    private int rollUp(Runnable betweenRuns) {
        int total = 0;
        while (true) {
            int done = rollUpRun();
            betweenRuns.run();
            total += done;
            if (done < BATCHES_PER_RUN) {
                return total;
            }
        }
    }

    /** Rolls up at most {@link #BATCHES_PER_RUN} pending batches in one transaction; how many. */
    private int rollUpRun() {
        return transactions.execute(status -> {
            rollups.lock();
            List<Long> pending = batches.pendingRollup(BATCHES_PER_RUN);
            if (!pending.isEmpty()) {
                rollups.changed(clock.instant());
                batches.markRolledUp(pending);
                rollups.addBatches(pending);
            }
            return pending.size();
        });
    }

    /**
     * Runs a bulk load (the demo's 90 days, a backfill), then rolls up whatever is still pending,
     * in the caller's thread, so the caller returns only when its data is in the rollups. While it
     * loads, the worker rolls up the batches committed so far, as it does for live ingestion: on a
     * machine with a spare core the rollup then costs almost no time of its own.
     */
    public void bulkLoad(Runnable load) {
        load.run();
        rollUpPending();
    }

    /**
     * Takes the rollup lock in the caller's transaction, before it changes events' attribution:
     * no batch is rolled up with half-changed events.
     */
    public void lockForRebuild() {
        rollups.lock();
    }

    /** Recomputes the rollups of a range of days (in the caller's transaction, if any). */
    public void rebuild(LocalDate from, LocalDate to) {
        transactions.executeWithoutResult(status -> {
            rollups.lock();
            rollups.rebuild(from, to, clock.instant());
        });
    }

    /** Batches committed but not in the rollups yet (a health figure: it should stay near 0). */
    public long pending() {
        return batches.countPendingRollup();
    }

    private void runSafely() {
        try {
            // Between transactions, so that a long catch-up (when the summaries churn most) keeps
            // them compact as it goes, and once more after it: PostgreSQL may not have counted the
            // last run's dead rows yet. Upkeep acts at most once a minute.
            rollUp(upkeep::afterRollup);
        } catch (RuntimeException e) {
            // The batches stay pending and the next signal or sweep retries them.
            log.warn("Rolling up usage events failed; will retry: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
