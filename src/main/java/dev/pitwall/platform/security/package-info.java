/**
 * Roles, permissions and API scopes that other modules name in their authorization rules, and
 * the authenticated principal.
 */
@org.springframework.modulith.NamedInterface("security")
package dev.pitwall.platform.security;
