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
     * @param intendedUsers how many people the workflow is built for
     * @param withheld whether its figures about people are withheld from the viewer (fewer intended
     *     users than the minimum group size; docs/privacy.md)
     */
    public record WorkflowRank(String workflowKey, String name, String stage, String bindingConstraint,
            Double constraintScore, Double technicalIndex, Double workforceIndex, Double operatingModelCapture,
            Double adoptionDepth, Double realization, Double realizedImpact, Double targetImpact, Double strandedCapital,
            boolean highPerformer, Double valueLost, String impactPeriod, int intendedUsers, boolean withheld) {

        /** The row with its figures about people withheld when it rests on fewer than {@code minGroupSize}. */
        public WorkflowRank withFewPeopleWithheld(int minGroupSize) {
            if (intendedUsers == 0 || intendedUsers >= minGroupSize) {
                return this;
            }
            return new WorkflowRank(workflowKey, name, stage, null, null, technicalIndex, null, null, null, realization,
                    realizedImpact, targetImpact, null, false, valueLost, impactPeriod, intendedUsers, true);
        }
    }

    /**
     * Figures of a whole scope that describe its people (docs/privacy.md): withheld from a viewer
     * who may not identify people when the scope rests on fewer people than the minimum group size.
     */
    public static final java.util.Set<String> PEOPLE_FIGURES = java.util.Set.of("adoptionDepth", "workforceIndex",
            "misalignedUserShare", "unalignedActivityShare", "strandedCapital", "highPerformerShare");

    /** The active people the scope's figures rest on: its members or intended users, by tier. */
    public long people() {
        return tiers.stream().mapToLong(TierBalance::headcount).sum();
    }

    /**
     * The scorecard as a viewer who may not identify people sees it: workflows of fewer intended
     * users than {@code minGroupSize} with their figures about people withheld, and so the scope's
     * own figures about people when it rests on fewer people.
     */
    public OrganizationScorecard withFewPeopleWithheld(int minGroupSize) {
        List<WorkflowRank> rows = workflows.stream().map(r -> r.withFewPeopleWithheld(minGroupSize)).toList();
        long people = people();
        List<Figure> shown;
        if (people > 0 && people < minGroupSize) {
            shown = figures.stream().map(f -> PEOPLE_FIGURES.contains(f.id()) ? new Figure(f.id(), null, f.unit(),
                    "fewer than " + minGroupSize + " people: withheld so that no figure describes fewer people "
                            + "(privacy.min-group-size)", f.currency(), f.period()) : f).toList();
        } else {
            shown = withoutWithheldWorkflows(rows, minGroupSize);
        }
        return new OrganizationScorecard(scope, scopeId, scopeName, asOf, windowFrom, shown, rows, tiers, pipelines,
                impactPeriod, currency);
    }

    /**
     * The figures summed or averaged over production workflows, recomputed without those withheld:
     * otherwise a withheld workflow's figure would be the total minus the shown ones.
     */
    private List<Figure> withoutWithheldWorkflows(List<WorkflowRank> rows, int minGroupSize) {
        List<WorkflowRank> production = rows.stream().filter(r -> "PRODUCTION".equals(r.stage())).toList();
        List<WorkflowRank> kept = production.stream().filter(r -> !r.withheld()).toList();
        if (kept.size() == production.size()) {
            return figures;
        }
        String over = "over the " + kept.size() + " of " + production.size() + " workflows in production with at least "
                + minGroupSize + " intended users (privacy.min-group-size)";
        return figures.stream().map(f -> switch (f.id()) {
            case "strandedCapital" -> recomputed(f, kept.stream().map(WorkflowRank::strandedCapital).toList(), true, over);
            case "workforceIndex" -> recomputed(f, kept.stream().map(WorkflowRank::workforceIndex).toList(), false, over);
            case "adoptionDepth" -> recomputed(f, kept.stream().map(WorkflowRank::adoptionDepth).toList(), false, over);
            case "highPerformerShare" -> kept.isEmpty() ? new Figure(f.id(), null, f.unit(), over, null, null)
                    : new Figure(f.id(), (double) kept.stream().filter(WorkflowRank::highPerformer).count() / kept.size(),
                            f.unit(), over, null, null);
            default -> f;
        }).toList();
    }

    private static Figure recomputed(Figure f, List<Double> values, boolean sum, String over) {
        double[] present = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        Double value = present.length == 0 ? null
                : sum ? java.util.Arrays.stream(present).sum() : java.util.Arrays.stream(present).average().orElseThrow();
        return new Figure(f.id(), value, f.unit(), value == null ? "no workflow " + over + " has it" : over,
                f.currency(), f.period());
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
