/**
 * The append-only, hash-chained audit log: every change of operating-model data appends an entry
 * in the same transaction as the change.
 */
@org.springframework.modulith.NamedInterface("audit")
package dev.pitwall.platform.audit;
