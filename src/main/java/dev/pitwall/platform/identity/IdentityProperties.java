package dev.pitwall.platform.identity;

import dev.pitwall.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people sign in, under {@code pitwall.identity.*} (docs/identity.md).
 *
 * @param localSignIn whether users may sign in with a Pitwall password (form or HTTP Basic); when
 *        false, only the break-glass administrator may, and everyone else signs in with the
 *        identity provider
 * @param breakGlassUsername the user who may always sign in with a password, to repair a broken
 *        identity-provider set-up
 * @param oidc how OpenID Connect claims become Pitwall users
 */
@Validated
@ConfigurationProperties("pitwall.identity")
public record IdentityProperties(
        @DefaultValue("true") boolean localSignIn,
        @NotBlank @DefaultValue("admin") String breakGlassUsername,
        @Valid @NotNull @DefaultValue Oidc oidc) {

    /**
     * @param rolesClaim the claim listing the person's groups or roles (a list or a single string):
     *        {@code groups} for Okta and Keycloak, {@code roles} for Entra ID app roles
     * @param roleMappings claim value to Pitwall role, e.g. {@code pitwall-admins: ADMIN}; values are
     *        compared ignoring case; when several match, the first role in the order ADMIN,
     *        EXECUTIVE, OWNER, CONTRIBUTOR, VIEWER wins
     * @param defaultRole the role of someone whose claim is missing or matches no mapping
     * @param usernameClaim the claim that names a new user ({@code email}, then {@code sub}, when absent)
     * @param externalIdClaim a claim holding the person's external id in the people directory
     *        (e.g. {@code employee_id}); when set and it names a person, the user is linked to that
     *        person; otherwise users are linked to people by email
     */
    public record Oidc(
            @NotBlank @DefaultValue("groups") String rolesClaim,
            @NotNull @DefaultValue Map<String, Role> roleMappings,
            @NotNull @DefaultValue("VIEWER") Role defaultRole,
            @NotBlank @DefaultValue("preferred_username") String usernameClaim,
            String externalIdClaim) {
    }
}
