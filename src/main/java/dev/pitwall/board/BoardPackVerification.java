package dev.pitwall.board;

import java.time.Instant;
import java.util.List;

/**
 * A stored pack checked against itself and against its figures computed again now.
 *
 * @param contentIntact the stored content still has the SHA-256 it was stored with, which is also the
 *     one the audit log recorded when the pack was made
 * @param auditedSha256 the SHA-256 the audit log recorded when the pack was made
 * @param reproduced intact, and every figure computed again equals the stored one
 * @param definitionsChanged the metric definitions (or the pack's format) changed since
 * @param dataChanged audited changes or usage data arrived since the pack was made
 * @param changesSince the audited changes since, newest first (at most 20), for people
 * @param differences every figure that differs, with the reason
 */
public record BoardPackVerification(long packId, String period, boolean contentIntact, String storedSha256,
        String contentSha256, String auditedSha256, boolean reproduced, boolean definitionsChanged, String storedDefinitionsVersion,
        String currentDefinitionsVersion, boolean dataChanged, String storedUsageVersion, String currentUsageVersion,
        long storedAuditSequence, long currentAuditSequence, List<String> changesSince, List<Difference> differences,
        String summary, Instant verifiedAt) {

    /** Why a figure differs. */
    public enum Reason {
        /** The stored pack was altered after it was stored. */
        STORED_CONTENT_ALTERED,
        /** The metric definitions changed since the pack was made. */
        DEFINITIONS_CHANGED,
        /** Data the figure rests on was added or changed after the pack was made. */
        DATA_CHANGED,
        /** Nothing recorded explains it. */
        UNEXPLAINED
    }

    /**
     * A figure whose stored and recomputed values differ.
     *
     * @param stored the stored value ({@code null} for text or unknown)
     * @param storedText the stored figure as people read it ({@code null} when the recomputed pack has a figure the stored lacks)
     */
    public record Difference(String key, String label, Double stored, Double recomputed, String storedText,
            String recomputedText, Reason reason, String explanation) {
    }
}
