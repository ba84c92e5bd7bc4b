package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The granted authorities of a role: {@code ROLE_<role>} and one per permission. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(Role role, Collection<Permission> permissions) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }
}
