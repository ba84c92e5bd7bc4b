package dev.pitwall.governance;

import java.time.Instant;

/**
 * A loaded catalog: its version goes up by one each time its file's content changes.
 *
 * @param catalog a {@link Framework} name, or {@code CROSSWALK}
 * @param digest the SHA-256 of the file loaded
 */
public record CatalogVersion(String catalog, String title, int version, String digest, int items, Instant loadedAt) {
}
