package dev.pitwall.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.security.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private final RoleMapping mapping = new RoleMapping(new IdentityProperties.Oidc("groups",
            Map.of("Pitwall-Owners", Role.OWNER, "pitwall-admins", Role.ADMIN, "hr", Role.CONTRIBUTOR), Role.VIEWER,
            "preferred_username", null));

    @Test
    void theFirstRoleInTheOrderOfRolesWinsWhenSeveralGroupsMap() {
        assertThat(mapping.roleOf(Map.of("groups", List.of("hr", "pitwall-owners", "pitwall-admins"))))
                .isEqualTo(Role.ADMIN);
        assertThat(mapping.roleOf(Map.of("groups", List.of("hr", "pitwall-owners")))).isEqualTo(Role.OWNER);
    }

    @Test
    void comparesGroupNamesIgnoringCase() {
        assertThat(mapping.roleOf(Map.of("groups", List.of("PITWALL-OWNERS")))).isEqualTo(Role.OWNER);
    }

    @Test
    void readsASingleStringClaim() {
        assertThat(mapping.roleOf(Map.of("groups", "hr"))).isEqualTo(Role.CONTRIBUTOR);
    }

    @Test
    void givesTheDefaultRoleWhenTheClaimIsMissingEmptyOrMapsToNothing() {
        assertThat(mapping.roleOf(Map.of())).isEqualTo(Role.VIEWER);
        assertThat(mapping.claimPresent(Map.of())).isFalse();
        assertThat(mapping.roleOf(Map.of("groups", List.of()))).isEqualTo(Role.VIEWER);
        assertThat(mapping.roleOf(Map.of("groups", List.of("finance", "staff")))).isEqualTo(Role.VIEWER);
        assertThat(mapping.roleOf(Map.of("roles", List.of("pitwall-admins")))).isEqualTo(Role.VIEWER);
    }
}
