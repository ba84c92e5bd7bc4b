package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.security.PitwallPrincipal;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by an API token: before authentication it carries only the secret;
 * after, the principal and the role's permissions that the token's scopes allow.
 */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final transient String secret;
    private final PitwallPrincipal principal;

    private ApiTokenAuthentication(String secret, PitwallPrincipal principal,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.secret = secret;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    static ApiTokenAuthentication unauthenticated(String secret) {
        return new ApiTokenAuthentication(secret, null, List.of());
    }

    static ApiTokenAuthentication authenticated(PitwallPrincipal principal,
            Collection<? extends GrantedAuthority> authorities) {
        return new ApiTokenAuthentication(null, principal, authorities);
    }

    String secret() {
        return secret;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal == null ? "" : principal.username();
    }
}
