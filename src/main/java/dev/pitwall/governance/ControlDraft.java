package dev.pitwall.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A control as created or edited; every reference must name an entry of a loaded catalog.
 * {@code requiredEuObligations} may be left out (none).
 */
public record ControlDraft(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "is 2 to 60 lower-case letters, digits and dashes") String key,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 1000) String evidence,
        @NotNull List<@NotNull RiskTier> requiredTiers,
        List<@NotNull EuCategory> requiredEuObligations,
        @NotNull List<@NotNull @Valid ControlReference> references) {

    public ControlDraft {
        requiredEuObligations = requiredEuObligations == null ? List.of() : List.copyOf(requiredEuObligations);
    }
}
