package dev.pitwall.measurement;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scorecard's filters, kept in its address: the initiative and the team choose the scorecard
 * (a team's scorecard restricted to the initiative's workflows when both are given), the stage and
 * the binding constraint choose the workflows in its ranking. {@code null} filters nothing.
 *
 * @param stage {@code IDEA}, {@code PILOT}, {@code PRODUCTION} or {@code RETIRED}
 * @param constraint {@code TECHNOLOGY}, {@code WORKFORCE} or {@code OPERATING_MODEL}
 */
public record ScorecardFilter(Long initiative, Long team, String stage, String constraint) {

    public static final List<String> CONSTRAINTS = Arrays.stream(dev.pitwall.measurement.metrics.ValueCapture.Constraint
            .values()).map(Enum::name).toList();
    public static final ScorecardFilter NONE = new ScorecardFilter(null, null, null, null);

    /** The filters as given in an address, validated: every wrong one is named. */
    public static ScorecardFilter of(Long initiative, Long team, String stage, String constraint) {
        List<Violation> violations = new ArrayList<>();
        String s = blankToNull(stage);
        String c = blankToNull(constraint);
        if (s != null && Arrays.stream(WorkflowStage.values()).noneMatch(v -> v.name().equals(s))) {
            violations.add(Violation.ofField("stage", "is one of " + Arrays.toString(WorkflowStage.values())));
        }
        if (c != null && !CONSTRAINTS.contains(c)) {
            violations.add(Violation.ofField("constraint", "is one of " + CONSTRAINTS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("Unknown filter values.", violations);
        }
        return new ScorecardFilter(initiative, team, s, c);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return initiative == null && team == null && stage == null && constraint == null;
    }

    /** Whether the ranking is restricted (beyond choosing the scorecard). */
    public boolean restrictsWorkflows() {
        return stage != null || constraint != null || initiative != null && team != null;
    }

    /** Whether a workflow of the ranking passes the stage and constraint filters and is among {@code keys} (null: any). */
    public boolean admits(OrganizationScorecard.WorkflowRank rank, Collection<String> keys) {
        return (stage == null || stage.equals(rank.stage()))
                && (constraint == null || Objects.equals(constraint, rank.bindingConstraint()))
                && (keys == null || keys.contains(rank.workflowKey()));
    }

    /**
     * The workflows a filtered ranking shows, with their money summed.
     *
     * @param period the period the summed impact is per ({@code KPI_PERIOD} when the workflows' differ)
     */
    public record Totals(int workflows, Double realizedImpact, Double targetImpact, Double valueLost,
            Double strandedCapital, String period) {

        public static Totals of(List<OrganizationScorecard.WorkflowRank> rows) {
            return new Totals(rows.size(), sum(rows, OrganizationScorecard.WorkflowRank::realizedImpact),
                    sum(rows, OrganizationScorecard.WorkflowRank::targetImpact),
                    sum(rows, OrganizationScorecard.WorkflowRank::valueLost),
                    sum(rows, OrganizationScorecard.WorkflowRank::strandedCapital),
                    OrganizationScorecard.commonPeriod(rows.stream().map(OrganizationScorecard.WorkflowRank::impactPeriod)
                            .toList()));
        }

        /** The sum over the rows that have the value; {@code null} when none has. */
        private static Double sum(List<OrganizationScorecard.WorkflowRank> rows,
                java.util.function.Function<OrganizationScorecard.WorkflowRank, Double> value) {
            List<Double> values = rows.stream().map(value).filter(Objects::nonNull).toList();
            return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
