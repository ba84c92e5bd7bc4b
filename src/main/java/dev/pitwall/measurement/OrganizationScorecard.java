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
 * @param impactPeriod the period its impact figures are per (see {@link WorkflowScorecard#impactPeriod()})
 * @param currency the organization's currency of its money figures
 */
public record OrganizationScorecard(String scope, Long scopeId, String scopeName, LocalDate asOf, LocalDate windowFrom,
        List<Figure> figures, List<WorkflowRank> workflows, List<TierBalance> tiers, List<PipelineLag> pipelines,
        String impactPeriod, String currency) {

    /** The same scorecard with its money figures in {@code code}, per its impact period or to date. */
    public OrganizationScorecard inCurrency(String code) {
        return new OrganizationScorecard(scope, scopeId, scopeName, asOf, windowFrom,
                figures.stream().map(f -> f.inCurrency(code, impactPeriod)).toList(), workflows, tiers, pipelines,
                impactPeriod, code);
    }

    /** The same scorecard with only {@code shown} in its ranking (a filtered view); the figures stay the scope's. */
    public OrganizationScorecard withWorkflows(List<WorkflowRank> shown) {
        return new OrganizationScorecard(scope, scopeId, scopeName, asOf, windowFrom, figures, shown, tiers, pipelines,
                impactPeriod, currency);
    }

    /**
     * The period that impact figures of several workflows share: their common cadence, or
     * {@code KPI_PERIOD} when they differ ({@code null} when none has one).
     */
    public static String commonPeriod(java.util.Collection<String> periods) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        periods.stream().filter(java.util.Objects::nonNull).forEach(distinct::add);
        return distinct.isEmpty() ? null : distinct.size() == 1 ? distinct.iterator().next() : Figure.KPI_PERIOD;
    }

    public Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + id));
    }

    /**
     * A workflow in the ranking.
     *
     * @param constraintScore the lowest of its three indices (the binding one), or {@code null}
     * @param valueLost target − realized impact per KPI period ({@code null} when either is
     *     unknown): what the binding constraint costs, so the most constrained come first by money
     * @param impactPeriod the period its impact figures are per ({@code MONTHLY}...)
     */
    public record WorkflowRank(String workflowKey, String name, String stage, String bindingConstraint,
            Double constraintScore, Double technicalIndex, Double workforceIndex, Double operatingModelCapture,
            Double adoptionDepth, Double realization, Double realizedImpact, Double targetImpact, Double strandedCapital,
            boolean highPerformer, Double valueLost, String impactPeriod) {
    }

    /**
     * The workflows held back most, by value lost: piloting or in production, with a binding
     * constraint, not high performers; those whose value lost is unknown come after, by constraint
     * score.
     */
    public List<WorkflowRank> mostConstrained(int limit) {
        return workflows.stream()
                .filter(r -> r.bindingConstraint() != null && !r.highPerformer()
                        && ("PRODUCTION".equals(r.stage()) || "PILOT".equals(r.stage())))
                .sorted(java.util.Comparator.comparing(WorkflowRank::valueLost,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                        .thenComparing(WorkflowRank::constraintScore,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(WorkflowRank::name))
                .limit(limit).toList();
    }

    /** Workforce spend up to D and active headcount of one tier. */
    public record TierBalance(Tier tier, double workforceSpend, long headcount) {
    }

    /** An initiative's pipeline lag: technical stages done − workforce stages done. */
    public record PipelineLag(long initiativeId, String initiative, int pipelineLag) {
    }
}
