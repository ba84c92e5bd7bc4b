package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.identity.IdentityProperties;
import dev.pitwall.platform.identity.PersonLinks;
import dev.pitwall.platform.identity.RoleMapping;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.ExternalIdentity;
import dev.pitwall.platform.users.ExternalSignIn;
import dev.pitwall.platform.users.ExternalSignInRefused;
import dev.pitwall.platform.users.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person the identity provider has authenticated (their ID token already checked by
 * Spring Security: signature, issuer, audience, expiry, nonce) into a Pitwall user: found by
 * their identity, or linked by email, or created; with the role their groups or roles claim maps to.
 */
class PitwallOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(PitwallOidcUserService.class);
    static final String ACCOUNT_DISABLED = "account_disabled";

    private final OidcUserService delegate = new OidcUserService();
    private final ExternalSignIn signIn;
    private final IdentityProperties.Oidc settings;
    private final RoleMapping roles;
    private final List<PersonLinks> personLinks;

    private final java.util.Set<Role> identifyRoles;

    PitwallOidcUserService(ExternalSignIn signIn, IdentityProperties identity, List<PersonLinks> personLinks,
            java.util.Set<Role> identifyRoles) {
        this.identifyRoles = identifyRoles;
        this.signIn = signIn;
        this.settings = identity.oidc();
        this.roles = new RoleMapping(identity.oidc());
        this.personLinks = personLinks;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        Map<String, Object> claims = oidc.getClaims();
        if (!roles.claimPresent(claims)) {
            log.info("No '{}' claim from {} for subject {}: default role", settings.rolesClaim(),
                    request.getClientRegistration().getRegistrationId(), oidc.getSubject());
        }
        Role role = roles.roleOf(claims);
        String issuer = oidc.getIdToken().getIssuer() == null ? request.getClientRegistration().getProviderDetails()
                .getIssuerUri() : oidc.getIdToken().getIssuer().toString();
        ExternalIdentity identity = new ExternalIdentity(issuer, oidc.getSubject(), username(oidc),
                oidc.getFullName(), email(oidc), role);
        User user;
        try {
            user = signIn.signIn(identity);
        } catch (ExternalSignInRefused refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_DISABLED, refused.getMessage(), null));
        }
        PitwallPrincipal principal = new PitwallPrincipal(user.id(), user.username(), user.role(), null);
        return new PitwallOidcUser(principal, Authorities.of(user.role(), user.role().permissions(identifyRoles)),
                oidc.getIdToken(), oidc.getUserInfo());
    }

    private String username(OidcUser oidc) {
        Object claimed = oidc.getClaims().get(settings.usernameClaim());
        if (claimed instanceof String name && !name.isBlank()) {
            return name;
        }
        return oidc.getEmail() != null ? oidc.getEmail() : oidc.getSubject();
    }

    /** The email of the person the external id names, else the email the provider sends. */
    private String email(OidcUser oidc) {
        if (settings.externalIdClaim() != null && !settings.externalIdClaim().isBlank()) {
            Object externalId = oidc.getClaims().get(settings.externalIdClaim());
            if (externalId != null) {
                Optional<String> linked = personLinks.stream()
                        .map(links -> links.emailOfPersonWithExternalId(externalId.toString()))
                        .flatMap(Optional::stream).findFirst();
                if (linked.isPresent()) {
                    return linked.get();
                }
            }
        }
        // An address the provider has not verified could belong to anyone: it links no one.
        return Boolean.FALSE.equals(oidc.getEmailVerified()) ? null : oidc.getEmail();
    }
}
