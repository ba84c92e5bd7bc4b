package dev.pitwall.platform.audit;

import dev.pitwall.platform.audit.internal.AuditEntries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A signed statement that the chain reached {@code sequence} with {@code hash} at {@code at}.
 *
 * @param sequence the head's sequence when it was taken
 * @param hash the head's hash then
 * @param at when
 * @param signature Base64 Ed25519 signature of {@link #signedText()}
 * @param signatureValid whether the signature verified with the checkpoint key when read
 */
record AuditCheckpoint(long sequence, String hash, Instant at, String signature, boolean signatureValid) {

    /** The text the signature covers: a version tag, the sequence, the hash and the time. */
    String signedText() {
        return signedText(sequence, hash, at);
    }

    static String signedText(long sequence, String hash, Instant at) {
        return "pitwall-audit-checkpoint/v1|" + sequence + "|" + hash + "|" + at;
    }

    /**
     * The first checkpoint the chain contradicts, or {@code null}.
     *
     * @param head the head the verification walked to
     * @param hashes the chain's hash at each checkpoint's sequence up to {@code head} ({@code null}
     *     where the chain has no entry)
     * @param currentHead the head as it is now: a checkpoint beyond {@code head} is legitimate when
     *     entries were appended since the walk began
     */
    static AuditVerification.BrokenLink firstContradicted(List<AuditCheckpoint> checkpoints, AuditEntries.Head head,
            Map<Long, String> hashes, Supplier<AuditEntries.Head> currentHead) {
        for (AuditCheckpoint c : checkpoints) {
            if (!c.signatureValid()) {
                return new AuditVerification.BrokenLink(c.sequence(), AuditVerification.Problem.CHECKPOINT_INVALID,
                        "The checkpoint of " + c.at() + " for entry " + c.sequence()
                                + " has no valid signature: the checkpoint file was altered.");
            }
            if (c.sequence() > head.lastSequence()) {
                if (currentHead.get().lastSequence() < c.sequence()) {
                    return new AuditVerification.BrokenLink(c.sequence(), AuditVerification.Problem.CHAIN_TRUNCATED,
                            "A checkpoint signed at " + c.at() + " says the chain reached entry " + c.sequence()
                                    + ", but it now ends at entry " + head.lastSequence()
                                    + ": the newest entries were deleted.");
                }
                continue;
            }
            if (c.sequence() > 0 && !c.hash().equals(hashes.get(c.sequence()))) {
                return new AuditVerification.BrokenLink(c.sequence(), AuditVerification.Problem.CHECKPOINT_MISMATCH,
                        "Entry " + c.sequence() + " has another hash than the checkpoint signed at " + c.at()
                                + " recorded: the chain was rewritten from there on.");
            }
        }
        return null;
    }
}
