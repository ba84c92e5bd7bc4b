package dev.pitwall.platform.tokens;

import dev.pitwall.platform.PlatformProperties;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.digest.Sha256;
import dev.pitwall.platform.security.ApiScope;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and checks API tokens. A secret is 32 random bytes; only its SHA-256 is
 * stored (a fast hash is right here: the secret has 256 bits of entropy, unlike a password).
 */
@Service
public class ApiTokenService {

    static final String ENTITY = "API_TOKEN";
    private static final String SECRET_PREFIX = "pwt_";
    private static final int PREFIX_LENGTH = SECRET_PREFIX.length() + 8;

    private final ApiTokens tokens;
    private final UserService users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PlatformProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokens tokens, UserService users, AuditLog auditLog, Clock clock,
            PlatformProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.properties = properties;
    }

    /** A token that authenticated a request, and the enabled user it acts as. */
    public record Authenticated(User user, ApiToken token) {
    }

    @Transactional
    public IssuedToken issue(long userId, NewApiToken request) {
        Set<ApiScope> scopes = parseScopes(request.scopes());
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw InvalidInputException.ofField("expiresAt", "must be in the future");
        }
        users.get(userId);
        String secret = newSecret();
        long id = tokens.insert(userId, request.name().trim(), Sha256.hex(secret), secret.substring(0, PREFIX_LENGTH), scopes,
                now, request.expiresAt());
        ApiToken token = tokens.findById(id).orElseThrow();
        auditLog.append(AuditRecord.created(ENTITY, id, token));
        return new IssuedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> listOf(long userId) {
        return tokens.findByUser(userId);
    }

    /** Revokes a token of {@code userId}; revoking twice is harmless. */
    @Transactional
    public ApiToken revoke(long userId, long tokenId) {
        ApiToken before = tokens.findById(tokenId).filter(t -> t.userId() == userId)
                .orElseThrow(() -> new ApiTokenNotFound(tokenId));
        tokens.revoke(tokenId, clock.instant());
        ApiToken after = tokens.findById(tokenId).orElseThrow();
        auditLog.append(AuditRecord.updated(ENTITY, tokenId, before, after));
        return after;
    }

    /** A reset password revokes every token of the user (see {@link dev.pitwall.platform.users.PasswordReset}). */
    @org.springframework.context.event.EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void revokeAllOnPasswordReset(dev.pitwall.platform.users.PasswordReset reset) {
        for (ApiToken token : tokens.findByUser(reset.userId())) {
            if (token.revokedAt() == null) {
                revoke(reset.userId(), token.id());
            }
        }
    }

    /**
     * The token with this secret when it is active and its user enabled; records its use at most
     * once per {@code pitwall.token-last-used-resolution}.
     */
    @Transactional
    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByHash(Sha256.hex(secret))
                .filter(t -> t.statusAt(now) == ApiToken.Status.ACTIVE);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        User user = users.get(token.get().userId());
        if (!user.enabled()) {
            return Optional.empty();
        }
        tokens.touch(token.get().id(), now, now.minus(properties.tokenLastUsedResolution()));
        return Optional.of(new Authenticated(user, token.get()));
    }

    private static Set<ApiScope> parseScopes(Set<String> values) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        List<Violation> unknown = new ArrayList<>();
        for (String value : values) {
            ApiScope.parse(value == null ? "" : value).ifPresentOrElse(scopes::add,
                    () -> unknown.add(Violation.ofField("scopes", "'" + value + "' is not one of read, write, ingest, admin")));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Unknown scope(s).", unknown);
        }
        if (scopes.isEmpty()) {
            throw InvalidInputException.ofField("scopes", "must name at least one scope");
        }
        return scopes;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
