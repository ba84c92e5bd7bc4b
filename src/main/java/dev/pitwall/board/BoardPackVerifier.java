package dev.pitwall.board;

import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackVerification.Difference;
import dev.pitwall.board.BoardPackVerification.Reason;
import dev.pitwall.board.internal.BoardPacks;
import dev.pitwall.board.internal.PackJson;
import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.UsageFacts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Compares a stored pack with its figures computed again, and says why any differs: the stored
 * content was altered (its SHA-256 no longer matches), the metric definitions changed, or data
 * changed after the pack was made (audited changes, or usage data, since).
 */
@Component
class BoardPackVerifier {

    /** Changes of the board's own records do not change any figure. */
    private static final Set<String> OWN_ENTITIES = Set.of(BoardPackService.ENTITY, "board-subscription", "saved-view");
    private static final double TOLERANCE = 1e-9;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final AuditLog auditLog;
    private final UsageFacts usage;
    private final Clock clock;

    BoardPackVerifier(AuditLog auditLog, UsageFacts usage, Clock clock) {
        this.auditLog = auditLog;
        this.usage = usage;
        this.clock = clock;
    }

    BoardPackVerification verify(BoardPacks.Stored stored, BoardPackContent recomputed) {
        BoardPack pack = stored.pack();
        String contentSha = PackJson.sha256(stored.contentJson());
        // The SHA-256 the audit log recorded when the pack was made: the hash-chained log anchors it,
        // so rewriting both the content and its stored hash is caught too.
        String audited = auditedSha256(pack.id());
        boolean intact = contentSha.equals(pack.sha256()) && (audited == null || audited.equals(contentSha));
        String definitions = PackJson.definitionsVersion();
        boolean definitionsChanged = !definitions.equals(pack.definitionsVersion());
        String usageNow = usage.version();
        List<String> changes = changesSince(pack);
        boolean dataChanged = !changes.isEmpty() || !usageNow.equals(pack.usageVersion());
        String why = explanation(intact, definitionsChanged, dataChanged, changes, pack, usageNow);
        Reason reason = !intact ? Reason.STORED_CONTENT_ALTERED : definitionsChanged ? Reason.DEFINITIONS_CHANGED
                : dataChanged ? Reason.DATA_CHANGED : Reason.UNEXPLAINED;
        List<Difference> differences = differences(pack.content(), recomputed, reason, why);
        boolean reproduced = intact && differences.isEmpty();
        String summary = reproduced ? "Reproduced: the stored pack is intact and every figure computed again equals it."
                : (intact ? "" : "The stored pack was altered after it was stored: its content no longer matches "
                        + (contentSha.equals(pack.sha256()) ? "the SHA-256 the audit log recorded when it was made. "
                                : "its SHA-256. ")) + (differences.isEmpty() ? "Every figure computed again equals the stored one."
                        : differences.size() + " figure" + (differences.size() == 1 ? " differs" : "s differ")
                                + " from the figures computed again: " + why);
        return new BoardPackVerification(pack.id(), pack.period(), intact, pack.sha256(), contentSha, audited, reproduced,
                definitionsChanged, pack.definitionsVersion(), definitions, dataChanged, pack.usageVersion(), usageNow,
                pack.auditSequence(), auditLog.lastSequence(), changes, differences, summary, clock.instant());
    }

    /** The SHA-256 in the audit entry that recorded the pack's making, or {@code null} when there is none. */
    private String auditedSha256(long packId) {
        return auditLog.find(new AuditQuery(BoardPackService.ENTITY, String.valueOf(packId), null,
                        dev.pitwall.platform.audit.AuditAction.CREATE, null, null), new PageQuery(0, 1)).content().stream()
                .findFirst().map(e -> e.after() == null ? null : JSON.readTree(e.after()).path("sha256").asString(null))
                .orElse(null);
    }

    /** Audited changes after the pack's audit head, except the board's own records, newest first. */
    private List<String> changesSince(BoardPack pack) {
        List<String> changes = new ArrayList<>();
        var page = auditLog.find(new AuditQuery(null, null, null, null, pack.generatedAt(), null), new PageQuery(0, 200));
        for (AuditEntry e : page.content()) {
            if (e.sequence() > pack.auditSequence() && !OWN_ENTITIES.contains(e.entityType()) && changes.size() < 20) {
                changes.add(e.occurredAt() + " " + e.actor() + " " + e.action().name().toLowerCase(java.util.Locale.ROOT)
                        + "d " + e.entityType() + " " + e.entityId());
            }
        }
        return changes;
    }

    private static String explanation(boolean intact, boolean definitionsChanged, boolean dataChanged,
            List<String> changes, BoardPack pack, String usageNow) {
        if (!intact) {
            return "the stored content was altered after the pack was stored.";
        }
        if (definitionsChanged) {
            return "the metric definitions changed since the pack was made (version " + pack.definitionsVersion()
                    .substring(0, 12) + " then).";
        }
        if (dataChanged) {
            List<String> parts = new ArrayList<>();
            if (!changes.isEmpty()) {
                parts.add(changes.size() + (changes.size() == 20 ? "+" : "") + " audited change"
                        + (changes.size() == 1 ? "" : "s") + " after the pack was made (latest: " + changes.get(0) + ")");
            }
            if (!usageNow.equals(pack.usageVersion())) {
                parts.add("usage data changed (version " + pack.usageVersion() + " then, " + usageNow + " now)");
            }
            return "data changed after the pack was made: " + String.join("; ", parts) + ".";
        }
        return "nothing recorded since the pack explains it.";
    }

    private static List<Difference> differences(BoardPackContent stored, BoardPackContent now, Reason reason,
            String why) {
        Map<String, PackFigure> before = byKey(stored);
        Map<String, PackFigure> after = byKey(now);
        List<Difference> differences = new ArrayList<>();
        for (PackFigure a : after.values()) {
            PackFigure b = before.get(a.key());
            if (b == null || !same(a, b)) {
                differences.add(new Difference(a.key(), a.label(), b == null ? null : b.value(), a.value(),
                        b == null ? null : b.display(), a.display(), reason, why));
            }
        }
        before.values().stream().filter(b -> !after.containsKey(b.key())).forEach(b -> differences.add(
                new Difference(b.key(), b.label(), b.value(), null, b.display(), null, reason, why)));
        if (!Objects.equals(stored.boardQuestion(), now.boardQuestion())) {
            differences.add(new Difference("boardQuestion", "The board question", null, null, stored.boardQuestion(),
                    now.boardQuestion(), reason, why));
        }
        return differences;
    }

    private static Map<String, PackFigure> byKey(BoardPackContent content) {
        Map<String, PackFigure> all = new LinkedHashMap<>();
        content.allFigures().forEach(f -> all.putIfAbsent(f.key(), f));
        return all;
    }

    private static boolean same(PackFigure a, PackFigure b) {
        if (a.value() == null || b.value() == null) {
            return a.value() == null && b.value() == null && Objects.equals(a.display(), b.display());
        }
        return Math.abs(a.value() - b.value()) <= TOLERANCE * Math.max(1, Math.abs(a.value()))
                && Objects.equals(a.unit(), b.unit()) && Objects.equals(a.currency(), b.currency());
    }
}
