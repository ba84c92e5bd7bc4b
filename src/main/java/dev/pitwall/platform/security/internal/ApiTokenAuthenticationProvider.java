package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.tokens.ApiTokenService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Authenticates {@code Authorization: Bearer} secrets against the stored token hashes. */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokenService tokens;
    private final java.util.Set<dev.pitwall.platform.security.Role> identifyRoles;

    ApiTokenAuthenticationProvider(ApiTokenService tokens, java.util.Set<dev.pitwall.platform.security.Role> identifyRoles) {
        this.tokens = tokens;
        this.identifyRoles = identifyRoles;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = ((ApiTokenAuthentication) authentication).secret();
        ApiTokenService.Authenticated result = tokens.authenticate(secret)
                .orElseThrow(() -> new BadCredentialsException("The API token is unknown, expired or revoked."));
        var user = result.user();
        var token = result.token();
        PitwallPrincipal principal = new PitwallPrincipal(user.id(), user.username(), user.role(), token.name());
        return ApiTokenAuthentication.authenticated(principal,
                Authorities.of(user.role(), user.role().permissionsWithin(token.scopes(), identifyRoles)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
