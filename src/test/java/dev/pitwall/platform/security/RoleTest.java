package dev.pitwall.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void onlyAdministratorsManageUsers() {
        for (Role role : Role.values()) {
            assertThat(role.permissions().contains(Permission.USERS_MANAGE)).as(role.name()).isEqualTo(role == Role.ADMIN);
        }
    }

    @Test
    void everyRoleReadsTheDirectoryAndManagesItsOwnAccount() {
        for (Role role : Role.values()) {
            assertThat(role.permissions()).as(role.name()).contains(Permission.DIRECTORY_READ, Permission.ACCOUNT_MANAGE);
        }
    }

    @Test
    void onlyAdministratorsAndContributorsWriteTheDirectory() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.DIRECTORY_WRITE)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.CONTRIBUTOR);
    }

    @Test
    void auditLogIsReadByAdministratorsAndExecutivesOnly() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.AUDIT_READ)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.EXECUTIVE);
    }

    @Test
    void viewersDoNotReadIndividualUsage() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.TELEMETRY_READ)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.EXECUTIVE, Role.OWNER, Role.CONTRIBUTOR);
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.TELEMETRY_MANAGE)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER);
    }

    @Test
    void measurementsAreRecordedByOwnersAndContributors() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.MEASUREMENT_WRITE)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER, Role.CONTRIBUTOR);
        assertThat(Permission.MEASUREMENT_WRITE.scope()).isEqualTo(ApiScope.WRITE);
    }

    @Test
    void ownersManageMonitorsAndContributorsRespondToIncidentsToo() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.MONITORS_MANAGE)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER);
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.permissions().contains(Permission.INCIDENTS_RESPOND)))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OWNER, Role.CONTRIBUTOR);
        assertThat(Permission.INCIDENTS_RESPOND.scope()).isEqualTo(ApiScope.WRITE);
    }

    @Test
    void aTokenGrantsOnlyTheRolePermissionsOfItsScopes() {
        assertThat(Role.ADMIN.permissionsWithin(Set.of(ApiScope.READ)))
                .contains(Permission.DIRECTORY_READ, Permission.AUDIT_READ)
                .doesNotContain(Permission.DIRECTORY_WRITE, Permission.USERS_MANAGE, Permission.ACCOUNT_MANAGE);
        assertThat(Role.VIEWER.permissionsWithin(Set.of(ApiScope.WRITE, ApiScope.INGEST))).isEmpty();
        assertThat(Role.CONTRIBUTOR.permissionsWithin(Set.of(ApiScope.INGEST)))
                .containsExactly(Permission.TELEMETRY_INGEST);
    }

    @Test
    void scopesParseTheirApiNamesOnly() {
        assertThat(ApiScope.parse(" Read ")).contains(ApiScope.READ);
        assertThat(ApiScope.parse("superuser")).isEmpty();
    }
}
