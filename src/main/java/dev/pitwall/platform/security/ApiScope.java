package dev.pitwall.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may be used for. A token grants the permissions of its user's role that
 * belong to one of its scopes; a session or HTTP Basic login grants all of them.
 */
public enum ApiScope {
    /** Read data. */
    READ,
    /** Create, change and delete data. */
    WRITE,
    /** Send telemetry and learning records. */
    INGEST,
    /** Manage users, tokens and the installation. */
    ADMIN,
    /** Submit AI output for human review and read the decisions (AI systems' tokens). */
    REVIEW;

    /** The name used in the API and UI: {@code read}, {@code write}, {@code ingest}, {@code admin}, {@code review}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(value.trim())).findFirst();
    }
}
