/**
 * Protected people data: the minimum group size of figures about people, who may see usage data
 * of named people ({@code people:identify}, every such view audited), stable pseudonyms for
 * everyone else, erasure and the access request. See docs/privacy.md.
 */
@org.springframework.modulith.NamedInterface("privacy")
package dev.pitwall.platform.privacy;
