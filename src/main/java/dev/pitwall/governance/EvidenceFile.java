package dev.pitwall.governance;

/** A downloaded evidence file, checked against the SHA-256 recorded when it was uploaded. */
public record EvidenceFile(String fileName, String contentType, String sha256, byte[] content) {
}
