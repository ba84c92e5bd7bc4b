package dev.pitwall.platform.tokens;

import dev.pitwall.platform.security.ApiScope;
import java.time.Instant;
import java.util.Set;

/**
 * An API token as listed: never its secret, only the first characters to recognize it by.
 *
 * @param id the token's id
 * @param userId the user the token acts as
 * @param name what the token is for, e.g. "CI pipeline"
 * @param prefix the first characters of the secret
 * @param scopes what the token may be used for
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when it last authenticated a request (to about a minute), or {@code null}
 */
public record ApiToken(long id, long userId, String name, String prefix, Set<ApiScope> scopes, Instant createdAt,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }
}
