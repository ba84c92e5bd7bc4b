/** API tokens of users; other modules issue them (the demo's collector token). */
@org.springframework.modulith.NamedInterface("tokens")
package dev.pitwall.platform.tokens;
