package dev.pitwall.platform.identity;

import dev.pitwall.platform.security.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Pitwall role of someone signing in with an identity provider, from the groups or roles
 * claim: the first role, in the order of {@link Role}, that one of the claim's values maps to; the
 * default role when the claim is missing or nothing maps.
 */
public final class RoleMapping {

    private final String claim;
    private final Map<String, Role> mappings;
    private final Role defaultRole;

    public RoleMapping(IdentityProperties.Oidc oidc) {
        this.claim = oidc.rolesClaim();
        this.mappings = oidc.roleMappings().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        this.defaultRole = oidc.defaultRole();
    }

    public Role roleOf(Map<String, Object> claims) {
        Set<Role> matched = valuesOf(claims.get(claim)).stream()
                .map(v -> mappings.get(v.toLowerCase(Locale.ROOT)))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return Arrays.stream(Role.values()).filter(matched::contains).findFirst().orElse(defaultRole);
    }

    /** Whether the claim was present at all (a missing claim is worth a line in the log). */
    public boolean claimPresent(Map<String, Object> claims) {
        return claims.get(claim) != null;
    }

    private static List<String> valuesOf(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
        }
        if (value instanceof String single && !single.isBlank()) {
            return List.of(single.trim());
        }
        return List.of();
    }
}
