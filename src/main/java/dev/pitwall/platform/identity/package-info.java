/**
 * Sign-in with the organization's identity provider (OpenID Connect): how its claims become a
 * Pitwall user and role, whether local passwords may still be used, and the {@link
 * dev.pitwall.platform.identity.PersonLinks} SPI through which the people module links users to
 * directory persons. Provider registrations themselves are Spring Security's
 * ({@code spring.security.oauth2.client.*}); see docs/identity.md.
 */
@org.springframework.modulith.NamedInterface("identity")
package dev.pitwall.platform.identity;
