package dev.pitwall.telemetry;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.telemetry.internal.RetentionFloor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes raw usage events older than {@code pitwall.telemetry.retention.raw-events}, keeping the
 * daily rollups that scorecards read, so every figure stays what it was. Pending batches are
 * rolled up first; then the retention floor is raised (from then on, ingestion refuses events of
 * those days and rollups of those days are not rebuilt), then the events go in chunks. Audited.
 */
@Component
@EnableConfigurationProperties(UsageRetentionProperties.class)
public class UsageEventRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageEventRetention.class);
    private static final int CHUNK = 10_000;

    private final UsageRetentionProperties properties;
    private final RetentionFloor floor;
    private final RollupService rollups;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "usage-retention");
        thread.setDaemon(true);
        return thread;
    });

    private final dev.pitwall.telemetry.discovery.AiDiscovery discovery;
    private final dev.pitwall.telemetry.github.GitHubTeams githubTeams;

    UsageEventRetention(UsageRetentionProperties properties, RetentionFloor floor, RollupService rollups,
            AuditLog auditLog, TransactionTemplate transactions, Clock clock,
            dev.pitwall.telemetry.discovery.AiDiscovery discovery, dev.pitwall.telemetry.github.GitHubTeams githubTeams) {
        this.discovery = discovery;
        this.githubTeams = githubTeams;
        this.properties = properties;
        this.floor = floor;
        this.rollups = rollups;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the audit log records of a retention sweep. */
    record Swept(LocalDate keptFrom, long eventsDeleted, long proxyRequestsDeleted, long githubTeamMembershipsDeleted) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.rawEvents() != null) {
            long every = properties.sweep().toMillis();
            worker.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Applies the retention now; how many raw events it deleted. */
    public long sweep() {
        if (properties.rawEvents() == null) {
            return 0;
        }
        LocalDate keepFrom = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minus(properties.rawEvents());
        if (floor.keptFrom().filter(kept -> !kept.isBefore(keepFrom)).isPresent()) {
            return 0;
        }
        rollups.rollUpPending();
        transactions.executeWithoutResult(status -> {
            rollups.lockForRebuild();
            floor.raiseTo(keepFrom, clock.instant());
        });
        long deleted = 0;
        for (int n = CHUNK; n == CHUNK; deleted += n) {
            n = transactions.execute(status -> floor.deleteEventsBefore(keepFrom, CHUNK));
        }
        long total = deleted;
        // The web-proxy requests found by AI discovery are raw data about people too.
        long requests = discovery.forgetBefore(keepFrom);
        // So are GitHub's team memberships of people.
        long memberships = transactions.execute(status -> githubTeams.forgetBefore(keepFrom));
        SystemActor.runAs("retention", () -> transactions.execute(status -> auditLog.append(
                AuditRecord.created("USAGE_RETENTION", keepFrom.toString(),
                        new Swept(keepFrom, total, requests, memberships)))));
        log.info("Raw usage events before {} deleted: {} (their rollups kept); web-proxy requests to AI services: {}; "
                + "GitHub team memberships: {}", keepFrom, total, requests, memberships);
        return total;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The retention sweep of raw usage events failed; it runs again later", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
