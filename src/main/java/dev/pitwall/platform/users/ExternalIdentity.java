package dev.pitwall.platform.users;

import dev.pitwall.platform.security.Role;

/**
 * Someone an identity provider has just authenticated, as Pitwall reads their claims.
 *
 * @param issuer the provider's issuer identifier
 * @param subject the provider's stable id of the person ({@code sub})
 * @param username the name to give a new user
 * @param displayName their name, or null
 * @param email their email (links the user to a directory person), or null
 * @param role the role their groups or roles map to
 */
public record ExternalIdentity(String issuer, String subject, String username, String displayName, String email,
        Role role) {
}
