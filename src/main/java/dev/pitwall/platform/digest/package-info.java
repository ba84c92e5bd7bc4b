/** SHA-256 digests as lower-case hex: audit hashes, token secrets, catalogs, evidence and event content. */
@org.springframework.modulith.NamedInterface("digest")
package dev.pitwall.platform.digest;
