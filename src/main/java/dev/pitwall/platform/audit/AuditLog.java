package dev.pitwall.platform.audit;

import dev.pitwall.platform.audit.internal.AuditEntries;
import dev.pitwall.platform.audit.internal.AuditHasher;
import dev.pitwall.platform.audit.internal.CanonicalJson;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to, reads and verifies the audit log. Appending joins the caller's transaction (and
 * refuses to run without one), so an entry is durable exactly when the change it records is.
 */
@Service
public class AuditLog {

    private static final int VERIFY_BATCH = 1_000;

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * The sequence number of the latest entry: it changes with every audited change, so readers can
     * tell cheaply whether any operating-model data changed since they last looked.
     */
    @Transactional(readOnly = true)
    public long lastSequence() {
        return entries.head().lastSequence();
    }

    /** Appends one entry made by the current actor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry append(AuditRecord record) {
        return appendAll(List.of(record)).get(0);
    }

    /**
     * Appends entries in order, all by the current actor at the same instant. Records whose before
     * and after are equal are skipped: nothing changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEntry> appendAll(List<AuditRecord> records) {
        List<PreparedRecord> changes = records.stream().map(PreparedRecord::of).filter(PreparedRecord::changed).toList();
        if (changes.isEmpty()) {
            return List.of();
        }
        AuditEntries.Head head = entries.lockHead();
        String actor = PitwallPrincipal.currentActorName();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long sequence = head.lastSequence();
        String previous = head.lastHash();
        List<AuditEntry> appended = new java.util.ArrayList<>(changes.size());
        for (PreparedRecord change : changes) {
            sequence++;
            AuditRecord r = change.record();
            String hash = AuditHasher.hash(sequence, now, actor, r.entityType(), r.entityId(), r.action(),
                    change.before(), change.after(), previous);
            AuditEntry entry = new AuditEntry(sequence, now, actor, r.entityType(), r.entityId(), r.action(),
                    change.before(), change.after(), previous, hash);
            entries.insert(entry);
            appended.add(entry);
            previous = hash;
        }
        entries.moveHead(new AuditEntries.Head(sequence, previous));
        return appended;
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> find(AuditQuery query, PageQuery page) {
        return PageResult.of(entries.find(query, page), page, entries.count(query));
    }

    /**
     * Walks the whole chain in order and reports the first entry whose content no longer matches
     * its hash, whose link to the previous entry is broken, or that is missing.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AuditEntries.Head head = entries.head();
        long expected = 1;
        String previous = AuditHasher.GENESIS;
        long checked = 0;
        List<AuditEntry> batch = entries.chainAfter(0, VERIFY_BATCH);
        while (!batch.isEmpty()) {
            for (AuditEntry entry : batch) {
                AuditVerification.BrokenLink broken = check(entry, expected, previous);
                checked++;
                if (broken != null) {
                    return new AuditVerification(false, checked, head.lastSequence(), broken, clock.instant());
                }
                previous = entry.hash();
                expected++;
            }
            batch = entries.chainAfter(expected - 1, VERIFY_BATCH);
        }
        if (expected - 1 != head.lastSequence() || !previous.equals(head.lastHash())) {
            var missing = new AuditVerification.BrokenLink(expected, AuditVerification.Problem.ENTRY_MISSING,
                    "The chain should end at entry " + head.lastSequence() + " but the last entry present is "
                            + (expected - 1) + ".");
            return new AuditVerification(false, checked, head.lastSequence(), missing, clock.instant());
        }
        return new AuditVerification(true, checked, head.lastSequence(), null, clock.instant());
    }

    private static AuditVerification.BrokenLink check(AuditEntry entry, long expected, String previous) {
        if (entry.sequence() != expected) {
            return new AuditVerification.BrokenLink(expected, AuditVerification.Problem.ENTRY_MISSING,
                    "Entry " + expected + " is missing; the next entry present is " + entry.sequence() + ".");
        }
        if (!entry.previousHash().equals(previous)) {
            return new AuditVerification.BrokenLink(entry.sequence(), AuditVerification.Problem.LINK_BROKEN,
                    "Entry " + entry.sequence() + " does not link to the hash of the entry before it.");
        }
        String recomputed = AuditHasher.hash(entry.sequence(), entry.occurredAt(), entry.actor(), entry.entityType(),
                entry.entityId(), entry.action(), entry.before(), entry.after(), entry.previousHash());
        if (!recomputed.equals(entry.hash())) {
            return new AuditVerification.BrokenLink(entry.sequence(), AuditVerification.Problem.ENTRY_ALTERED,
                    "Entry " + entry.sequence() + " was altered after it was written: its content does not match its hash.");
        }
        return null;
    }

    /** A record with its before and after already in canonical JSON. */
    private record PreparedRecord(AuditRecord record, String before, String after) {

        static PreparedRecord of(AuditRecord record) {
            return new PreparedRecord(record, CanonicalJson.write(record.before()), CanonicalJson.write(record.after()));
        }

        boolean changed() {
            return record.action() != AuditAction.UPDATE || !Objects.equals(before, after);
        }
    }
}
