/** The organization Pitwall runs for: its name and the currency of its money figures. */
@org.springframework.modulith.NamedInterface("organization")
package dev.pitwall.platform.organization;
