package dev.pitwall.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An incident opened by a person, e.g. a harmful output a user reported. It concerns a workflow or
 * an AI system; {@code category} says whose right it goes to first (default {@code QUALITY}).
 */
public record NewIncident(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
        @NotNull Severity severity, @Size(max = 100) String workflowKey, @Size(max = 100) String systemKey,
        SignalCategory category) {
}
