/** Users who sign in to Pitwall; other modules create users (the demo) and look them up. */
@org.springframework.modulith.NamedInterface("users")
package dev.pitwall.platform.users;
