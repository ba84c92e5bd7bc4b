package dev.pitwall.measurement;

import dev.pitwall.people.Tier;
import java.time.LocalDate;
import java.util.List;

/**
 * The balanced scorecard of the organization, an initiative or a team on an as-of date.
 *
 * @param scope {@code organization}, {@code initiative} or {@code team}
 * @param scopeId the initiative's or team's id, or {@code null}
 * @param scopeName its name
 * @param asOf D
 * @param windowFrom the first day of the window W
 * @param figures every figure, by definition id (see docs/metrics.md)
 * @param workflows the workflows in scope, ranked by binding constraint: most constrained first
 * @param tiers spend and headcount by workforce tier
 * @param pipelines pipeline lag by initiative
 */
public record OrganizationScorecard(String scope, Long scopeId, String scopeName, LocalDate asOf, LocalDate windowFrom,
        List<Figure> figures, List<WorkflowRank> workflows, List<TierBalance> tiers, List<PipelineLag> pipelines) {

    public Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + id));
    }

    /**
     * A workflow in the ranking.
     *
     * @param constraintScore the lowest of its three indices (the binding one), or {@code null}
     */
    public record WorkflowRank(String workflowKey, String name, String stage, String bindingConstraint,
            Double constraintScore, Double technicalIndex, Double workforceIndex, Double operatingModelCapture,
            Double adoptionDepth, Double realization, Double realizedImpact, Double targetImpact, Double strandedCapital,
            boolean highPerformer) {
    }

    /** Workforce spend up to D and active headcount of one tier. */
    public record TierBalance(Tier tier, double workforceSpend, long headcount) {
    }

    /** An initiative's pipeline lag: technical stages done − workforce stages done. */
    public record PipelineLag(long initiativeId, String initiative, int pipelineLag) {
    }
}
