package dev.pitwall.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The result of walking the whole chain.
 *
 * @param valid whether every entry is intact and linked to the one before
 * @param entriesChecked how many entries were read
 * @param lastSequence the sequence the chain's head says it ends at
 * @param firstBroken the first broken link, or {@code null} when valid
 * @param checkpointsChecked how many signed checkpoints (kept outside the database) the chain was held against
 * @param verifiedAt when the check ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean valid, long entriesChecked, long lastSequence, BrokenLink firstBroken,
        int checkpointsChecked, Instant verifiedAt) {

    /**
     * Where the chain breaks.
     *
     * @param sequence the first entry that fails
     * @param problem what fails: {@code ENTRY_ALTERED}, {@code LINK_BROKEN} or {@code ENTRY_MISSING}
     * @param detail a sentence for people
     */
    public record BrokenLink(long sequence, Problem problem, String detail) {
    }

    public enum Problem {
        /** The entry's content no longer matches its hash. */
        ENTRY_ALTERED,
        /** The entry's previous-hash differs from the hash of the entry before it. */
        LINK_BROKEN,
        /** An entry is missing (a gap in the sequence, or entries after the last one present). */
        ENTRY_MISSING,
        /**
         * The chain is shorter than a signed checkpoint says it was: the newest entries were
         * deleted and the head rewritten.
         */
        CHAIN_TRUNCATED,
        /** The entry at a signed checkpoint has another hash than the checkpoint recorded. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify: the checkpoint file was tampered with. */
        CHECKPOINT_INVALID
    }
}
