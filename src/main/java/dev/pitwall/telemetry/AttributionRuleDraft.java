package dev.pitwall.telemetry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A rule to create or update; the system, team and workflow are named by key and name. */
public record AttributionRuleDraft(@NotBlank @Size(max = 200) String name, @NotNull Integer priority,
        @NotBlank String systemKey, String teamName, @Size(max = 100) String operation, @NotBlank String workflowKey,
        Boolean enabled) {
}
