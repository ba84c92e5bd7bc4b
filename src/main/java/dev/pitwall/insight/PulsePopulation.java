package dev.pitwall.insight;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Who a pulse is sent to: the active people who match every criterion given (teams include their
 * sub-teams; a workflow means its intended users). No criterion at all means everyone active.
 *
 * @param teams team names
 * @param levels levels ({@code EXECUTIVE}, {@code MANAGER}, {@code PRACTITIONER}, {@code FRONTLINE})
 * @param tiers AI workforce tiers ({@code BUILDER}, {@code INTEGRATOR}, {@code CONSUMER})
 * @param workflow a workflow's key: its intended users
 */
public record PulsePopulation(@Size(max = 200) List<@Size(max = 200) String> teams,
        @Size(max = 10) List<@Size(max = 20) String> levels, @Size(max = 10) List<@Size(max = 20) String> tiers,
        @Size(max = 100) String workflow) {

    public PulsePopulation {
        teams = teams == null ? List.of() : List.copyOf(teams);
        levels = levels == null ? List.of() : List.copyOf(levels);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        workflow = workflow == null || workflow.isBlank() ? null : workflow.trim();
    }

    /** In words, for pages. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (!teams.isEmpty()) {
            parts.add("teams " + String.join(", ", teams));
        }
        if (!levels.isEmpty()) {
            parts.add("levels " + String.join(", ", levels));
        }
        if (!tiers.isEmpty()) {
            parts.add("tiers " + String.join(", ", tiers));
        }
        if (workflow != null) {
            parts.add("intended users of " + workflow);
        }
        return parts.isEmpty() ? "everyone active" : String.join("; ", parts);
    }
}
