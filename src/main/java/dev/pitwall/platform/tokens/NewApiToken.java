package dev.pitwall.platform.tokens;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * A token to create.
 *
 * @param name what it is for
 * @param scopes one or more of {@code read}, {@code write}, {@code ingest}, {@code admin}
 * @param expiresAt optional expiry; must be in the future
 */
public record NewApiToken(@NotBlank @Size(max = 100) String name, @NotEmpty Set<String> scopes, Instant expiresAt) {
}
