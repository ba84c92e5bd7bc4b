package dev.pitwall.platform.audit;

/**
 * The end of the audit chain at one moment: what a record computed from the audited data (a board
 * pack) keeps to say which state of the data it saw.
 *
 * @param sequence the last entry's sequence (0 when the chain is empty)
 * @param hash that entry's hash
 */
public record AuditChainHead(long sequence, String hash) {
}
