package dev.pitwall.board;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A board pack as stored: what it says, and what it was computed on, so that it can be verified
 * later (docs/board-pack.md, "Verifying a pack").
 *
 * @param period the period's label ({@code 2026-10}, {@code 2026-Q3})
 * @param asOf the period's last day
 * @param usageVersion the usage data's version when it was made (changes with every rollup or evaluation)
 * @param auditSequence the audit chain's head then: its last entry's sequence
 * @param auditHash that entry's hash
 * @param definitionsVersion SHA-256 of the metric definitions and the pack's format then
 * @param previousPackId the pack its changes are measured against, or {@code null} for the first
 * @param sha256 SHA-256 (hex) of the stored content
 * @param content what it says
 */
public record BoardPack(long id, String period, String cadence, LocalDate from, LocalDate asOf, Instant generatedAt,
        String generatedBy, String usageVersion, long auditSequence, String auditHash, String definitionsVersion,
        Long previousPackId, String sha256, BoardPackContent content) {

    /** The pack without its content, for lists. */
    public record Summary(long id, String period, String cadence, LocalDate asOf, Instant generatedAt,
            String generatedBy, String sha256) {
    }

    public Summary summary() {
        return new Summary(id, period, cadence, asOf, generatedAt, generatedBy, sha256);
    }
}
