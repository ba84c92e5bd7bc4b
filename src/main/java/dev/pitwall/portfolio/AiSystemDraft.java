package dev.pitwall.portfolio;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An AI system to create or update. */
public record AiSystemDraft(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
        @NotBlank @Size(max = 200) String name,
        @NotNull AiSystemKind kind,
        @Size(max = 200) String provider,
        List<@NotBlank @Size(max = 100) String> models,
        Long ownerId,
        @Size(max = 2000) String description,
        List<@Valid TelemetryKey> telemetryKeys) {

    public List<String> modelsOrEmpty() {
        return models == null ? List.of() : models;
    }

    public List<TelemetryKey> telemetryKeysOrEmpty() {
        return telemetryKeys == null ? List.of() : telemetryKeys;
    }
}
