package dev.pitwall.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of notifications, under {@code pitwall.notifications.*}. Email also needs Spring's
 * {@code spring.mail.*} (at least {@code spring.mail.host}).
 *
 * @param deliver whether this node delivers from the outbox (any number of nodes may)
 * @param publicUrl the address people open Pitwall at, e.g. {@code https://pitwall.example.com}, for
 *     links in messages; without it messages carry paths only
 * @param from the sender of emails
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param backoff the wait after the first failed attempt; it doubles after each next one
 * @param maxBackoff the longest wait between attempts
 * @param timeout how long one attempt may take
 * @param pollInterval how often the outbox is read
 */
@Validated
@ConfigurationProperties("pitwall.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean deliver,
        String publicUrl,
        @NotNull @DefaultValue("pitwall@localhost") String from,
        @Min(1) @Max(20) @DefaultValue("6") int maxAttempts,
        @NotNull @DefaultValue("30s") Duration backoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("5s") Duration pollInterval) {

    /** The wait after {@code attempts} failed attempts: backoff × 2^(attempts − 1), at most maxBackoff. */
    public Duration backoffAfter(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** A link for people: the public address and the path, or the path alone. */
    public String link(String path) {
        if (path == null) {
            return null;
        }
        return publicUrl == null || publicUrl.isBlank() ? path : publicUrl.replaceAll("/+$", "") + path;
    }
}
