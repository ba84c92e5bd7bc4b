package dev.pitwall.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One way telemetry names an AI system.
 *
 * @param kind the attribute matched
 * @param value the attribute's value (exact, case-insensitive)
 * @param model for {@code PROVIDER_MODEL}: the model, or {@code null} for any model of the provider
 */
public record TelemetryKey(@NotNull TelemetryKeyKind kind, @NotBlank @Size(max = 300) String value,
        @Size(max = 300) String model) {
}
