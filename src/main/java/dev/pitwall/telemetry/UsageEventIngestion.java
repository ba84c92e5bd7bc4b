package dev.pitwall.telemetry;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.internal.AcceptedEventQueue;
import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.EventResolver;
import dev.pitwall.telemetry.internal.EventRules;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the usage events of one request, whatever source they came from: checks them, resolves
 * people, AI systems and workflows, drops those stored before (same source and id), and commits the
 * rest with the batch's accounting in one transaction. The result is returned only after the
 * commit, so everything it counts as accepted is durable.
 */
@Service
@EnableConfigurationProperties(TelemetryProperties.class)
public class UsageEventIngestion {

    /** Concurrent requests storing the same new ids can collide more than once; then give up. */
    private static final int WRITE_ATTEMPTS = 4;

    private final EventResolver resolver;
    private final EventRules rules;
    private final dev.pitwall.telemetry.internal.RetentionFloor retentionFloor;
    private final UsageEventStore events;
    private final Batches batches;
    private final RollupService rollups;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TelemetryProperties properties;
    private final ObjectProvider<AcceptedEventQueue> queue;

    UsageEventIngestion(EventResolver resolver, EventRules rules, UsageEventStore events, Batches batches,
            RollupService rollups, TransactionTemplate transactions, Clock clock,
            dev.pitwall.telemetry.internal.RetentionFloor retentionFloor,
            TelemetryProperties properties,
            ObjectProvider<AcceptedEventQueue> queue) {
        this.properties = properties;
        this.queue = queue;
        this.retentionFloor = retentionFloor;
        this.resolver = resolver;
        this.rules = rules;
        this.events = events;
        this.batches = batches;
        this.rollups = rollups;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Ingests one request's events.
     *
     * @param personRequired whether each event must name a person of the directory (native events);
     *     sources that report anonymized users keep unknown references as unattributed people
     * @param actor who sent it, recorded with the batch
     * @throws IngestionRejected when items were sent but none could be stored (the batch is recorded)
     */
    public IngestionResult ingest(TelemetrySource source, ParsedBatch parsed, boolean personRequired, String actor) {
        return ingest(source, source, parsed, personRequired, actor);
    }

    /**
     * Ingests events whose ids belong to {@code eventSource} arriving through {@code batchSource}:
     * native events come over HTTP and over Kafka with the same ids, so a retry through the other
     * transport is still a duplicate.
     */
    public IngestionResult ingest(TelemetrySource eventSource, TelemetrySource batchSource, ParsedBatch parsed,
            boolean personRequired, String actor) {
        TelemetrySource source = eventSource;
        Instant now = clock.instant();
        java.time.LocalDate keptFrom = retentionFloor.keptFrom(source).orElse(null);
        List<Violation> rejections = new ArrayList<>(parsed.rejections());
        Map<String, IncomingEvent> unique = new LinkedHashMap<>();
        // Events that break a rule are resolved too, so their line lists every problem at once.
        List<IncomingEvent> broken = new ArrayList<>();
        int repeated = 0;
        for (IncomingEvent event : parsed.events()) {
            List<Violation> problems = rules.check(event, now, keptFrom);
            if (!problems.isEmpty()) {
                rejections.addAll(problems);
                if (rules.resolvable(event)) {
                    broken.add(event);
                }
            } else if (unique.putIfAbsent(event.eventId() + "\n" + event.day(), event) != null) {
                // The same event twice in one request (its id on its day: the unique key).
                repeated++;
            }
        }
        List<IncomingEvent> candidates = new ArrayList<>(unique.values());
        candidates.addAll(broken);
        EventResolver.Resolution resolution = resolver.resolve(candidates, personRequired);
        rejections.addAll(resolution.rejections());
        Set<Integer> brokenLines = broken.stream().map(IncomingEvent::line).collect(Collectors.toSet());
        List<ResolvedEvent> storable = resolution.events().stream()
                .filter(r -> !brokenLines.contains(r.event().line())).toList();
        rejections.sort(Comparator.comparing(Violation::line, Comparator.nullsFirst(Comparator.naturalOrder())));
        int rejected = rejectedItems(rejections);
        if (storable.isEmpty() && repeated == 0 && rejected == 0) {
            return new IngestionResult(0, 0, 0, 0, parsed.skipped(), List.of());
        }
        int repeatedInRequest = repeated;
        if (properties.queues(source, batchSource)) {
            return queue(source, batchSource, storable, repeatedInRequest, rejected, parsed.skipped(), rejections, actor,
                    now);
        }
        // Outside the transaction: creating a month's partition locks its parent, briefly.
        events.prepare(source, storable.stream().map(r -> r.event().day()).collect(Collectors.toSet()));
        IngestionResult result = transactions.execute(status -> store(source, batchSource, storable, repeatedInRequest,
                rejected, parsed.skipped(), rejections, actor, now, status));
        if (result.accepted() == 0 && result.duplicates() == 0) {
            throw new IngestionRejected(result);
        }
        return result;
    }

    /**
     * The Kafka write path: the brokers acknowledge the events first, then the request's batch is
     * recorded with what it queued and refused. Should recording fail, the events are stored anyway
     * and a client's retry of the request counts them as duplicates.
     */
    private IngestionResult queue(TelemetrySource source, TelemetrySource batchSource, List<ResolvedEvent> accepted,
            int repeated, int rejected, int skipped, List<Violation> rejections, String actor, Instant now) {
        if (!accepted.isEmpty()) {
            queue.getObject().send(source, batchSource, accepted);
        }
        long batchId = transactions.execute(status -> batches.insertQueued(batchSource, actor, accepted.size(), repeated,
                rejected, skipped, rejections, now));
        IngestionResult result = new IngestionResult(batchId, accepted.size(), repeated, rejected, skipped,
                List.copyOf(rejections), true);
        if (accepted.isEmpty() && repeated == 0) {
            throw new IngestionRejected(result);
        }
        return result;
    }

    /**
     * Stores events a Kafka store writer read from the write path's topic: checked and resolved by
     * the node that acknowledged them, so only what was stored before (a retry, or a batch read
     * again after a writer stopped before committing its offsets) is left out, and counted as
     * duplicates of a batch of the writer's own. The topic is Pitwall's own, but what reads it
     * checks it: an event breaking a rule (text PostgreSQL refuses, a day before the source's
     * retention floor) is refused by its line, for the writer to dead-letter, instead of failing
     * the whole batch forever. Events of a person erased since they were accepted are stored
     * pseudonymised ({@link EventResolver#withErasuresApplied}).
     */
    public IngestionResult storeQueued(TelemetrySource source, TelemetrySource batchSource,
            List<ResolvedEvent> events, String actor) {
        Instant now = clock.instant();
        java.time.LocalDate keptFrom = retentionFloor.keptFrom(source).orElse(null);
        List<Violation> rejections = new ArrayList<>();
        Map<UsageEvents.Key, ResolvedEvent> unique = new LinkedHashMap<>();
        int repeated = 0;
        for (ResolvedEvent event : events) {
            List<Violation> problems = rules.check(event.event(), now, keptFrom);
            if (!problems.isEmpty()) {
                rejections.addAll(problems);
            } else if (unique.putIfAbsent(UsageEvents.Key.of(event), event) != null) {
                repeated++;
            }
        }
        int rejected = rejectedItems(rejections);
        List<ResolvedEvent> storable = resolver.withErasuresApplied(List.copyOf(unique.values()));
        this.events.prepare(source, storable.stream().map(r -> r.event().day()).collect(Collectors.toSet()));
        int repeatedInPoll = repeated;
        return transactions.execute(status -> store(source, batchSource, storable, repeatedInPoll, rejected, 0,
                rejections, actor, now, status));
    }

    private IngestionResult store(TelemetrySource source, TelemetrySource batchSource, List<ResolvedEvent> resolved,
            int repeated, int rejected, int skipped, List<Violation> rejections, String actor, Instant now,
            TransactionStatus status) {
        long batchId = batches.insert(batchSource, actor, resolved.size(), repeated, rejected, skipped, rejections, now, true);
        List<ResolvedEvent> fresh = resolved;
        for (int attempt = 1; ; attempt++) {
            // Optimistic: retries are rare, so write first and look for stored ids only on a collision.
            Object savepoint = status.createSavepoint();
            try {
                events.insertAll(source, fresh, batchId, now);
                status.releaseSavepoint(savepoint);
                break;
            } catch (UsageEvents.UsageEventWriteException | DuplicateKeyException e) {
                boolean duplicate = e instanceof DuplicateKeyException
                        || ((UsageEvents.UsageEventWriteException) e).isDuplicate();
                if (!duplicate || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                status.rollbackToSavepoint(savepoint);
                Set<UsageEvents.Key> stored = events.existing(source, fresh.stream().map(UsageEvents.Key::of).toList());
                fresh = fresh.stream().filter(r -> !stored.contains(UsageEvents.Key.of(r))).toList();
            }
        }
        int duplicates = repeated + resolved.size() - fresh.size();
        if (fresh.size() != resolved.size()) {
            batches.updateAccounting(batchId, fresh.size(), duplicates);
        }
        if (!fresh.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rollups.signal();
                }
            });
        }
        return new IngestionResult(batchId, fresh.size(), duplicates, rejected, skipped, List.copyOf(rejections));
    }

    /** Items refused: one line may break several rules but is one item. */
    private static int rejectedItems(List<Violation> rejections) {
        return (int) rejections.stream().map(v -> v.line() == null ? (Object) v : v.line()).distinct().count();
    }
}
