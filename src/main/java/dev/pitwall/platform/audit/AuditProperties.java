package dev.pitwall.platform.audit;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit log, under {@code pitwall.audit.*}.
 *
 * @param checkpoints the signed checkpoints of the chain's head, kept outside the database
 */
@Validated
@ConfigurationProperties("pitwall.audit")
public record AuditProperties(@NotNull @DefaultValue Checkpoints checkpoints) {

    /**
     * Where and how often the head of the chain is anchored outside the database. Someone who can
     * write to the database can delete the newest entries and rewrite the head row consistently;
     * a checkpoint signed with a key the database does not hold, in a place the database user
     * cannot write, reveals it.
     *
     * @param enabled whether checkpoints are written and checked
     * @param interval how often the head is checkpointed (only when it moved)
     * @param file the append-only file of checkpoints, one JSON object per line; by default in
     *     the data directory ({@code <pitwall.data-dir>/audit/checkpoints.jsonl})
     * @param keyFile the Ed25519 private key (PKCS#8, Base64) that signs checkpoints; created with
     *     owner-only permissions on first use, its public key beside it ({@code .pub}). By default
     *     {@code <pitwall.data-dir>/audit/checkpoint-signing.key}
     * @param webhookUrl where each checkpoint is also POSTed as JSON (e.g. a log collector or a
     *     WORM store); none when empty
     */
    public record Checkpoints(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("5m") Duration interval,
            Path file, Path keyFile, URI webhookUrl) {
    }
}
