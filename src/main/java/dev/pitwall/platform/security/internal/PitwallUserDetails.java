package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.security.PrincipalHolder;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user (session or HTTP Basic): all the permissions of their role. */
class PitwallUserDetails extends User implements PrincipalHolder {

    private final PitwallPrincipal principal;

    PitwallUserDetails(PitwallPrincipal principal, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(principal.username(), passwordHash, enabled, true, true, true, authorities);
        this.principal = principal;
    }

    @Override
    public PitwallPrincipal pitwallPrincipal() {
        return principal;
    }
}
