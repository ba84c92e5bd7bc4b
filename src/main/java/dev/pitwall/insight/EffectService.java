package dev.pitwall.insight;

import dev.pitwall.insight.statistics.DifferenceInDifferences;
import dev.pitwall.insight.statistics.LinearModel;
import dev.pitwall.insight.statistics.SegmentedRegression;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.platform.organization.OrganizationService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Is the effect real? For each business-outcome KPI of a workflow with a series of measurements
 * around its AI go-live, an interrupted time series (segmented regression) estimates the change
 * the go-live made, with a 95 % interval, in the KPI's unit and in money per KPI period
 * (docs/insight.md, "Is the effect real?").
 */
@Service
@Transactional(readOnly = true)
public class EffectService {

    /** The method, as pages and the API state it. */
    public static final String METHOD = "Interrupted time series by segmented regression (OLS): y = b0 + b1·t + "
            + "b2·D + b3·(t − t0)·D, t the period, D = 1 from the first period ending on or after the AI go-live; the "
            + "effect at the latest period is b2 + b3·h with its 95 % interval (t distribution, n − 4 degrees of "
            + "freedom); money = d × effect × value per unit. Needs " + SegmentedRegression.MIN_PER_SIDE
            + " periods on each side. Where the KPI is measured per team: difference-in-differences with team and "
            + "period fixed effects, y = a_team + l_period + b·D, D = 1 for a team from the period that contains its "
            + "go-live; teams live later or never are the comparison.";

    /** Distinguishable from noise, or not yet. */
    public enum Verdict { DISTINGUISHABLE, NOT_YET_DISTINGUISHABLE }

    /**
     * One KPI's estimated effect, or why there is none.
     *
     * @param levelChange b2, in the KPI's unit
     * @param slopeChange b3, per period
     * @param effect b2 + b3·h at the latest period, in the KPI's unit
     * @param money d × effect × value per unit, per KPI period ({@code null} without a value per unit)
     * @param verdict whether the effect's interval excludes 0
     * @param refusal why there is no estimate ({@code null} when there is)
     * @param teams the difference-in-differences estimate from the KPI's values per team ({@code null}
     *     when it is not measured per team)
     */
    public record KpiEffect(long kpiId, String kpiName, String unit, String cadence, String direction,
            int periodsBefore, int periodsAfter, LocalDate firstPeriod, LocalDate latestPeriod, Interval levelChange,
            Interval slopeChange, Interval effect, Interval money, Verdict verdict, String refusal,
            TeamComparison teams) {
    }

    /**
     * Difference-in-differences over the teams a KPI is measured for: teams that went live later, or
     * not at all, are the comparison.
     *
     * @param teams teams measured
     * @param teamsLive of them, teams that had AI in a measured period
     * @param periods periods measured
     * @param effect β, in the KPI's unit, with its 95 % interval
     * @param money d × β × value per unit, per KPI period and team ({@code null} without a value per unit)
     * @param verdict whether the interval excludes 0
     * @param refusal why there is no estimate
     */
    public record TeamComparison(int teams, int teamsLive, int periods, Interval effect, Interval money,
            Verdict verdict, String refusal) {
    }

    /** A workflow's effects on an as-of date. */
    public record WorkflowEffect(String workflowKey, String workflowName, String stage, LocalDate aiGoLive,
            LocalDate asOf, String currency, List<KpiEffect> kpis, String refusal) {

        /** The KPIs with an estimate in money. */
        public List<KpiEffect> priced() {
            return kpis.stream().filter(k -> k.money() != null).toList();
        }

        /**
         * The impact the KPI series estimate, in money per KPI period, with its 95 % interval: the
         * priced KPIs' estimates add up and their intervals combine as independent (half-widths in
         * quadrature); {@code null} when no KPI has an estimate in money.
         */
        public Interval impact() {
            List<KpiEffect> priced = priced();
            if (priced.isEmpty()) {
                return null;
            }
            double estimate = priced.stream().mapToDouble(k -> k.money().estimate()).sum();
            double half = Math.sqrt(priced.stream().mapToDouble(k -> halfWidth(k.money()) * halfWidth(k.money())).sum());
            return new Interval(estimate, estimate - half, estimate + half);
        }

        /** The common cadence of the priced KPIs, or {@code KPI_PERIOD} when they differ. */
        public String impactPeriod() {
            List<String> cadences = priced().stream().map(KpiEffect::cadence).distinct().toList();
            return cadences.size() == 1 ? cadences.get(0) : dev.pitwall.measurement.Figure.KPI_PERIOD;
        }

        private static double halfWidth(Interval interval) {
            return (interval.high() - interval.low()) / 2;
        }
    }

    private final WorkflowService workflows;
    private final KpiService kpis;
    private final MeasurementService measurements;
    private final dev.pitwall.measurement.TeamMeasurementService teamMeasurements;
    private final OrganizationService organization;
    private final Clock clock;

    EffectService(WorkflowService workflows, KpiService kpis, MeasurementService measurements,
            dev.pitwall.measurement.TeamMeasurementService teamMeasurements, OrganizationService organization,
            Clock clock) {
        this.teamMeasurements = teamMeasurements;
        this.workflows = workflows;
        this.kpis = kpis;
        this.measurements = measurements;
        this.organization = organization;
        this.clock = clock;
    }

    /** Every workflow with a business-outcome KPI, as of the day (today when {@code null}). */
    public List<WorkflowEffect> all(LocalDate asOf) {
        LocalDate day = day(asOf);
        return workflows.findOn(day).stream().sorted(Comparator.comparing(Workflow::name))
                .map(w -> of(w, day)).filter(e -> !e.kpis().isEmpty()).toList();
    }

    public WorkflowEffect of(String workflowKey, LocalDate asOf) {
        LocalDate day = day(asOf);
        workflows.get(workflowKey);
        Workflow workflow = workflows.findOn(day).stream().filter(w -> w.key().equals(workflowKey)).findFirst()
                .orElseThrow();
        return of(workflow, day);
    }

    private WorkflowEffect of(Workflow workflow, LocalDate day) {
        List<Kpi> outcomes = kpis.ofWorkflow(workflow.key()).stream().filter(Kpi::isBusinessOutcome).toList();
        String refusal = workflow.aiGoLive() == null ? "the workflow has no AI go-live date"
                : workflow.aiGoLive().isAfter(day) ? "AI goes live after the as-of date" : null;
        java.util.Map<Long, LocalDate> teamGoLives = outcomes.isEmpty() ? java.util.Map.of()
                : teamMeasurements.goLiveDays(workflow.key());
        List<KpiEffect> effects = outcomes.stream().map(k -> effect(k, workflow.aiGoLive(), day, refusal,
                teamComparison(k, teamGoLives, day))).toList();
        return new WorkflowEffect(workflow.key(), workflow.name(), workflow.stage().name(), workflow.aiGoLive(), day,
                organization.currency(), effects, refusal);
    }

    /** The difference-in-differences estimate, or {@code null} when the KPI is not measured per team. */
    private TeamComparison teamComparison(Kpi kpi, java.util.Map<Long, LocalDate> goLives, LocalDate day) {
        List<dev.pitwall.measurement.TeamMeasurement> values = teamMeasurements.find(kpi.id(), day);
        if (values.isEmpty()) {
            return null;
        }
        List<LocalDate> periods = values.stream().map(dev.pitwall.measurement.TeamMeasurement::periodEnd).distinct()
                .sorted().toList();
        List<DifferenceInDifferences.Observation> observations = values.stream().map(v -> {
            LocalDate live = goLives.get(v.teamId());
            // As for the workflow's series: the period that contains the go-live is the first with AI.
            boolean treated = live != null && !v.periodEnd().isBefore(live) && !live.isAfter(day);
            return new DifferenceInDifferences.Observation(String.valueOf(v.teamId()), periods.indexOf(v.periodEnd()),
                    v.value().doubleValue(), treated);
        }).toList();
        int teams = (int) observations.stream().map(DifferenceInDifferences.Observation::unit).distinct().count();
        int live = (int) observations.stream().filter(DifferenceInDifferences.Observation::treated)
                .map(DifferenceInDifferences.Observation::unit).distinct().count();
        DifferenceInDifferences.Result result = DifferenceInDifferences.estimate(observations);
        if (result.estimate() == null) {
            return new TeamComparison(teams, live, periods.size(), null, null, null, result.refusal());
        }
        Interval effect = interval(result.estimate().effect());
        Interval money = kpi.valuePerUnit() == null ? null
                : effect.times(kpi.direction().sign() * kpi.valuePerUnit().doubleValue());
        return new TeamComparison(teams, live, periods.size(), effect, money,
                effect.containsZero() ? Verdict.NOT_YET_DISTINGUISHABLE : Verdict.DISTINGUISHABLE, null);
    }

    private KpiEffect effect(Kpi kpi, LocalDate goLive, LocalDate day, String refusal, TeamComparison teams) {
        List<Measurement> series = measurements.find(kpi.id(), null, day).stream()
                .sorted(Comparator.comparing(Measurement::periodEnd)).toList();
        LocalDate first = series.isEmpty() ? null : series.get(0).periodEnd();
        LocalDate latest = series.isEmpty() ? null : series.get(series.size() - 1).periodEnd();
        if (refusal != null) {
            return refused(kpi, 0, 0, first, latest, refusal, teams);
        }
        double[] values = series.stream().mapToDouble(m -> m.value().doubleValue()).toArray();
        // The period that contains the go-live counts as the first with AI: its end is on or after it.
        int firstWithAi = (int) series.stream().filter(m -> m.periodEnd().isBefore(goLive)).count();
        SegmentedRegression.Result result = SegmentedRegression.estimate(values, firstWithAi);
        if (result.estimate() == null) {
            return refused(kpi, firstWithAi, values.length - firstWithAi, first, latest, result.refusal(), teams);
        }
        SegmentedRegression.Estimate e = result.estimate();
        Interval effect = interval(e.effectAtLatest());
        Interval money = kpi.valuePerUnit() == null ? null
                : effect.times(kpi.direction().sign() * kpi.valuePerUnit().doubleValue());
        return new KpiEffect(kpi.id(), kpi.name(), kpi.unit(), kpi.cadence().name(), kpi.direction().name(),
                e.periodsBefore(), e.periodsAfter(), first, latest, interval(e.levelChange()), interval(e.slopeChange()),
                effect, money, effect.containsZero() ? Verdict.NOT_YET_DISTINGUISHABLE : Verdict.DISTINGUISHABLE, null,
                teams);
    }

    private static KpiEffect refused(Kpi kpi, int before, int after, LocalDate first, LocalDate latest, String why,
            TeamComparison teams) {
        return new KpiEffect(kpi.id(), kpi.name(), kpi.unit(), kpi.cadence().name(), kpi.direction().name(), before,
                after, first, latest, null, null, null, null, null, why, teams);
    }

    private static Interval interval(LinearModel.Interval i) {
        return new Interval(i.estimate(), i.low(), i.high());
    }

    private LocalDate day(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        return asOf == null || asOf.isAfter(today) ? today : asOf;
    }
}
