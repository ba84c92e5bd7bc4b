package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.security.PrincipalHolder;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Someone signed in with an OpenID Connect provider: the permissions of their Pitwall role, and
 * their Pitwall user name as the name of the session (so their sessions are found and ended by it).
 */
class PitwallOidcUser extends DefaultOidcUser implements PrincipalHolder {

    private final PitwallPrincipal principal;

    PitwallOidcUser(PitwallPrincipal principal, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.principal = principal;
    }

    @Override
    public PitwallPrincipal pitwallPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PitwallOidcUser that && super.equals(that) && principal.equals(that.principal);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + principal.hashCode();
    }
}
