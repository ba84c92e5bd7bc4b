package dev.pitwall.governance;

import java.time.Instant;

/**
 * A piece of evidence for a control of a workflow: a link, or a file kept in the database.
 *
 * @param kind {@code LINK} or {@code FILE}
 * @param sha256 the file's SHA-256 (hex), checked on every download
 */
public record Evidence(long id, String kind, String title, String url, String fileName, String contentType,
        Long sizeBytes, String sha256, String addedBy, Instant addedAt) {
}
