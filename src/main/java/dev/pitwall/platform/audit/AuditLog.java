package dev.pitwall.platform.audit;

import dev.pitwall.platform.audit.internal.AuditEntries;
import dev.pitwall.platform.audit.internal.AuditHasher;
import dev.pitwall.platform.audit.internal.AuditRedactions;
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
    private final AuditCheckpoints checkpoints;
    private final AuditRedactions redactions;

    AuditLog(AuditEntries entries, Clock clock, AuditCheckpoints checkpoints, AuditRedactions redactions) {
        this.redactions = redactions;
        this.entries = entries;
        this.clock = clock;
        this.checkpoints = checkpoints;
    }

    /**
     * The sequence number of the latest entry: it changes with every audited change, so readers can
     * tell cheaply whether any operating-model data changed since they last looked.
     */
    @Transactional(readOnly = true)
    public long lastSequence() {
        return entries.head().lastSequence();
    }

    /**
     * Appends one entry made by the current actor; an update whose before and after are equal
     * changed nothing and is not recorded (empty).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<AuditEntry> append(AuditRecord record) {
        return appendAll(List.of(record)).stream().findFirst();
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

    /** One text to take out of the audit log: every occurrence, ignoring case, becomes the replacement. */
    public record Redaction(String text, String replacement) {
    }

    /** What the audit log records of an erasure: whom, and the entries it redacted with their new digests. */
    record Erasure(String subject, List<RedactedEntry> redactedEntries) {
    }

    record RedactedEntry(long sequence, String sha256) {
    }

    /** The entity type of the entry that records an erasure. */
    public static final String ERASURE = "ERASURE";

    /**
     * Redacts personal data from the entries that hold it (for an erasure, docs/privacy.md): every
     * occurrence of each text in an entry's actor, entity id, before and after is replaced. Entries
     * keep their hashes, so the chain still links; an entry of its own records the erasure and the
     * SHA-256 of each redacted entry's new content, which verification checks instead of the hash.
     *
     * @param subject who was erased, in words that name nobody (e.g. "person 12, now P-ABCD-EFGH")
     * @return how many entries were redacted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redact(String entityType, Object entityId, String subject, List<Redaction> texts) {
        List<AuditEntry> holding = redactions.containing(texts.stream().map(Redaction::text).toList());
        List<RedactedEntry> redacted = new java.util.ArrayList<>();
        for (AuditEntry entry : holding) {
            String actor = replace(entry.actor(), texts);
            String entityIdNow = replace(entry.entityId(), texts);
            String before = replace(entry.before(), texts);
            String after = replace(entry.after(), texts);
            redactions.rewrite(entry.sequence(), actor, entityIdNow, before, after);
            redacted.add(new RedactedEntry(entry.sequence(),
                    AuditRedactions.contentSha256(actor, entityIdNow, before, after)));
        }
        AuditEntry erasure = append(AuditRecord.created(ERASURE, entityType + " " + entityId,
                new Erasure(subject, redacted))).orElseThrow();
        Instant now = clock.instant();
        redacted.forEach(r -> redactions.record(new AuditRedactions.Redaction(r.sequence(), r.sha256(),
                erasure.sequence()), now));
        return redacted.size();
    }

    private static String replace(String text, List<Redaction> redactions) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Redaction r : redactions) {
            result = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(r.text()),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(result)
                    .replaceAll(java.util.regex.Matcher.quoteReplacement(r.replacement()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> find(AuditQuery query, PageQuery page) {
        return PageResult.of(entries.find(query, page), page, entries.count(query));
    }

    /**
     * Walks the chain in order up to the head read at the start, and reports the first entry whose
     * content no longer matches its hash, whose link to the previous entry is broken, or that is
     * missing; then checks the chain against the signed checkpoints kept outside the database, which
     * reveal newest entries deleted together with a rewritten head. Entries appended while it runs
     * lie beyond that head and are left for the next verification, so the result is exact under load.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        AuditEntries.Head head = entries.head();
        List<AuditCheckpoint> checkpoints = this.checkpoints.read();
        java.util.Set<Long> checkpointed = new java.util.HashSet<>();
        checkpoints.forEach(c -> checkpointed.add(c.sequence()));
        java.util.Map<Long, String> hashesAtCheckpoints = new java.util.HashMap<>();
        long expected = 1;
        String previous = AuditHasher.GENESIS;
        long checked = 0;
        java.util.Map<Long, AuditRedactions.Redaction> redacted = redactions.all();
        java.util.Map<Long, String> listedByErasures = new java.util.HashMap<>();
        List<AuditEntry> batch = entries.chainAfter(0, head.lastSequence(), VERIFY_BATCH);
        while (!batch.isEmpty()) {
            for (AuditEntry entry : batch) {
                AuditVerification.BrokenLink broken = check(entry, expected, previous, redacted.get(entry.sequence()));
                if (broken == null && ERASURE.equals(entry.entityType())) {
                    listedByErasures.putAll(listedBy(entry));
                }
                checked++;
                if (broken != null) {
                    return result(false, checked, head, broken, checkpoints.size());
                }
                previous = entry.hash();
                if (checkpointed.contains(entry.sequence())) {
                    hashesAtCheckpoints.put(entry.sequence(), entry.hash());
                }
                expected++;
            }
            batch = entries.chainAfter(expected - 1, head.lastSequence(), VERIFY_BATCH);
        }
        if (expected - 1 != head.lastSequence() || !previous.equals(head.lastHash())) {
            var missing = new AuditVerification.BrokenLink(expected, AuditVerification.Problem.ENTRY_MISSING,
                    "The chain should end at entry " + head.lastSequence() + " but the last entry present is "
                            + (expected - 1) + ".");
            return result(false, checked, head, missing, checkpoints.size());
        }
        for (AuditRedactions.Redaction r : redacted.values()) {
            if (r.sequence() <= head.lastSequence() && !r.contentSha256().equals(listedByErasures.get(r.sequence()))) {
                var unrecorded = new AuditVerification.BrokenLink(r.sequence(), AuditVerification.Problem.ENTRY_ALTERED,
                        "Entry " + r.sequence() + " is marked as redacted, but no erasure in the chain records that "
                                + "redaction of it.");
                return result(false, checked, head, unrecorded, checkpoints.size());
            }
        }
        AuditVerification.BrokenLink checkpointBroken = AuditCheckpoint.firstContradicted(checkpoints, head,
                hashesAtCheckpoints, entries::head);
        return result(checkpointBroken == null, checked, head, checkpointBroken, checkpoints.size());
    }

    private AuditVerification result(boolean valid, long checked, AuditEntries.Head head,
            AuditVerification.BrokenLink broken, int checkpoints) {
        return new AuditVerification(valid, checked, head.lastSequence(), broken, checkpoints, clock.instant());
    }

    /** The end of the chain as it is now, for records that say which state of the data they saw. */
    @Transactional(readOnly = true)
    public AuditChainHead chainHead() {
        AuditEntries.Head head = entries.head();
        return new AuditChainHead(head.lastSequence(), head.lastHash());
    }

    /** The end of the chain as it is now, for a checkpoint. */
    @Transactional(readOnly = true)
    public AuditEntries.Head head() {
        return entries.head();
    }

    /** The redacted entries an erasure entry lists, with the digests of their new content. */
    private static java.util.Map<Long, String> listedBy(AuditEntry erasure) {
        java.util.Map<Long, String> listed = new java.util.HashMap<>();
        if (erasure.after() == null) {
            return listed;
        }
        tools.jackson.databind.JsonNode entries = ERASURE_READER.readTree(erasure.after()).path("redactedEntries");
        for (tools.jackson.databind.JsonNode e : entries) {
            listed.put(e.path("sequence").asLong(), e.path("sha256").asString());
        }
        return listed;
    }

    private static final tools.jackson.databind.json.JsonMapper ERASURE_READER =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private static AuditVerification.BrokenLink check(AuditEntry entry, long expected, String previous,
            AuditRedactions.Redaction redaction) {
        if (redaction != null && entry.sequence() == expected && entry.previousHash().equals(previous)) {
            // Its content was redacted by an erasure: it must be exactly what the erasure recorded.
            String now = AuditRedactions.contentSha256(entry.actor(), entry.entityId(), entry.before(), entry.after());
            return now.equals(redaction.contentSha256()) ? null : new AuditVerification.BrokenLink(entry.sequence(),
                    AuditVerification.Problem.ENTRY_ALTERED, "Entry " + entry.sequence()
                            + " was altered after it was redacted: its content does not match the erasure's record.");
        }
        return check(entry, expected, previous);
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
