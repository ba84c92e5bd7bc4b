package dev.pitwall.measurement;

import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.List;

/**
 * The balanced scorecard of one workflow on an as-of date D over the window [windowFrom, D].
 *
 * @param workflowKey the workflow
 * @param name its name
 * @param stage its stage on D
 * @param initiativeId its initiative, or {@code null}
 * @param initiativeName that initiative's name
 * @param asOf D
 * @param windowFrom the first day of the window W
 * @param figures every figure, by definition id (see docs/metrics.md)
 * @param levelDistribution the intended users at each adoption level
 * @param waterfall the value-capture waterfall: potential, lostToAdoption, lostToQuality, expected,
 *     operatingModelResidual, realized
 * @param bindingConstraint {@code TECHNOLOGY}, {@code WORKFORCE}, {@code OPERATING_MODEL}, or
 *     {@code null} when none of the three indices can be computed
 * @param highPerformer whether realization ≥ 0.8 and adoptionDepth ≥ 0.6
 * @param systems the AI systems' technical figures
 * @param kpis the business-outcome KPIs' value figures
 * @param roles skill coverage by role
 * @param impactPeriod the period its impact figures are per: the cadence of its business-outcome
 *     KPIs ({@code MONTHLY}...), {@code KPI_PERIOD} when they differ, {@code null} without any
 * @param currency the organization's currency of its money figures
 * @param parts what other capabilities contribute over the same window (human review), computed
 *     on every read
 */
public record WorkflowScorecard(String workflowKey, String name, WorkflowStage stage, Long initiativeId,
        String initiativeName, LocalDate asOf, LocalDate windowFrom, List<Figure> figures,
        List<LevelCount> levelDistribution, List<Figure> waterfall, String bindingConstraint, boolean highPerformer,
        List<SystemFigures> systems, List<KpiFigures> kpis, List<RoleCoverage> roles, String impactPeriod,
        String currency, List<ScorecardPart.Part> parts) {

    /** The same scorecard with its money figures in {@code code}, per its impact period or to date. */
    public WorkflowScorecard inCurrency(String code) {
        java.util.function.UnaryOperator<Figure> in = f -> f.inCurrency(code, impactPeriod);
        return new WorkflowScorecard(workflowKey, name, stage, initiativeId, initiativeName, asOf, windowFrom,
                figures.stream().map(in).toList(), levelDistribution, waterfall.stream().map(in).toList(),
                bindingConstraint, highPerformer, systems, kpis.stream().map(k -> new KpiFigures(k.kpiId(), k.name(),
                        k.unit(), k.direction(), k.baseline(), k.target(), k.current(), k.cadence(),
                        k.realizedImpact().inCurrency(code, k.cadence()), k.targetImpact().inCurrency(code, k.cadence()),
                        k.cumulativeRealizedImpact().inCurrency(code, null))).toList(),
                roles, impactPeriod, code, parts);
    }

    /** The same scorecard with the parts other capabilities contribute. */
    public WorkflowScorecard withParts(List<ScorecardPart.Part> contributed) {
        return new WorkflowScorecard(workflowKey, name, stage, initiativeId, initiativeName, asOf, windowFrom, figures,
                levelDistribution, waterfall, bindingConstraint, highPerformer, systems, kpis, roles, impactPeriod,
                currency, contributed);
    }

    /** The figure with this definition id. */
    public Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + id));
    }

    /**
     * How many intended users are at an adoption level (0 none … 4 embedded).
     *
     * @param withheld whether the count is withheld from the viewer (fewer people than the minimum
     *        group size, or needed to keep such a level from being read off the total); people is 0 then
     */
    public record LevelCount(int level, String name, int people, boolean withheld) {

        public LevelCount(int level, String name, int people) {
            this(level, name, people, false);
        }
    }

    /**
     * The same scorecard with adoption levels of fewer than {@code minGroupSize} people withheld,
     * and as many more as keep their sum from being read off the number of intended users (for a
     * viewer who may not identify people, docs/privacy.md). Levels of nobody stay shown.
     */
    public WorkflowScorecard withSmallLevelsWithheld(int minGroupSize) {
        int total = levelDistribution.stream().mapToInt(LevelCount::people).sum();
        List<NestedGroupSuppression.Group> groups = levelDistribution.stream().filter(l -> l.people() > 0)
                .map(l -> new NestedGroupSuppression.Group(l.level(), null, l.people())).toList();
        java.util.Set<Long> withheld = NestedGroupSuppression.withheld(groups, total, minGroupSize);
        if (withheld.isEmpty()) {
            return this;
        }
        List<LevelCount> levels = levelDistribution.stream().map(l -> withheld.contains((long) l.level())
                ? new LevelCount(l.level(), l.name(), 0, true) : l).toList();
        return new WorkflowScorecard(workflowKey, name, stage, initiativeId, initiativeName, asOf, windowFrom, figures,
                levels, waterfall, bindingConstraint, highPerformer, systems, kpis, roles, impactPeriod, currency, parts);
    }

    /**
     * The figures that describe a workflow's intended users (how many use it, how deeply, how well
     * their work with it goes, their skills and training) and those they can be read back from.
     */
    public static final java.util.Set<String> PEOPLE_FIGURES = java.util.Set.of("reach", "adoptionDepth",
            "acceptanceRate", "overrideRate", "skillCoverage", "skillGap", "skillGapReduction", "trainedShare",
            "workforceIndex", "operatingModelCapture", "strandedCapital", "lostToAdoption", "lostToQuality", "expected",
            "operatingModelResidual");

    /** How many people the workflow is built for (its intended users, active on the as-of date). */
    public int intendedUsers() {
        return levelDistribution.stream().mapToInt(LevelCount::people).sum();
    }

    /**
     * The same scorecard as a viewer who may not identify people sees it when it rests on too few
     * people (docs/privacy.md): with fewer than {@code minGroupSize} intended users, every figure
     * about them ({@link #PEOPLE_FIGURES}), its adoption levels, its binding constraint and whether
     * it is a high performer are withheld; a role of fewer members has its skill coverage withheld.
     * Value, spend and technical figures stay: they describe the workflow, not its people.
     */
    public WorkflowScorecard withFewPeopleWithheld(int minGroupSize) {
        String reason = "fewer than " + minGroupSize + " intended users: withheld so that no figure describes fewer "
                + "people (privacy.min-group-size)";
        List<RoleCoverage> shownRoles = roles.stream().map(r -> r.members() > 0 && r.members() < minGroupSize
                ? new RoleCoverage(r.role(), r.members(), r.requiredSkills(), Figure.missing("skillCoverage", "ratio",
                        "fewer than " + minGroupSize + " members: withheld (privacy.min-group-size)"))
                : r).toList();
        int users = intendedUsers();
        if (users == 0 || users >= minGroupSize) {
            return new WorkflowScorecard(workflowKey, name, stage, initiativeId, initiativeName, asOf, windowFrom,
                    figures, levelDistribution, waterfall, bindingConstraint, highPerformer, systems, kpis, shownRoles,
                    impactPeriod, currency, parts);
        }
        java.util.function.UnaryOperator<Figure> hide = f -> PEOPLE_FIGURES.contains(f.id())
                ? new Figure(f.id(), null, f.unit(), reason, f.currency(), f.period()) : f;
        List<LevelCount> levels = levelDistribution.stream()
                .map(l -> new LevelCount(l.level(), l.name(), 0, true)).toList();
        return new WorkflowScorecard(workflowKey, name, stage, initiativeId, initiativeName, asOf, windowFrom,
                figures.stream().map(hide).toList(), levels, waterfall.stream().map(hide).toList(), null, false,
                systems, kpis, shownRoles, impactPeriod, currency, parts);
    }

    /** An AI system's technical figures in the window, and the workflow's events on it. */
    public record SystemFigures(String systemKey, String name, Figure quality, Figure availability,
            Figure deploymentsPerMonth, long workflowEvents, boolean qualityFromEvaluations) {
    }

    /** A business-outcome KPI's value figures. */
    public record KpiFigures(long kpiId, String name, String unit, String direction, Double baseline, Double target,
            Double current, String cadence, Figure realizedImpact, Figure targetImpact, Figure cumulativeRealizedImpact) {
    }

    /** Skill coverage of the members of one role. */
    public record RoleCoverage(String role, int members, int requiredSkills, Figure skillCoverage) {
    }
}
