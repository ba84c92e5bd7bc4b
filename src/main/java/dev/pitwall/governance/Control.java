package dev.pitwall.governance;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A control of the library.
 *
 * @param key stable id, e.g. {@code human-oversight}
 * @param evidence what evidence the control expects
 * @param requiredTiers the risk tiers whose workflows must implement it
 * @param requiredEuObligations the EU AI Act obligations that require it whatever the tier
 *     ({@code TRANSPARENCY}: the Art. 50 duties; {@code HIGH_RISK}: the Art. 26 deployer duties)
 * @param builtIn whether Pitwall ships it (organizations may still edit it)
 * @param version raised by one at every change; every version is kept
 */
public record Control(long id, String key, String name, String description, String evidence,
        Set<RiskTier> requiredTiers, Set<EuCategory> requiredEuObligations, boolean builtIn, int version, List<ControlReference> references,
        Instant updatedAt) {

    /** Whether a workflow of this tier, carrying these EU AI Act obligations, must implement it. */
    public boolean requiredFor(RiskTier tier, Set<EuCategory> obligations) {
        return requiredTiers.contains(tier) || requiredEuObligations.stream().anyMatch(obligations::contains);
    }

    /** The references one per line, as "FRAMEWORK ref" (the form of the library page). */
    public String referencesText() {
        return references.stream().map(r -> r.framework().name() + " " + r.ref())
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
