package dev.pitwall.measurement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The definition of every figure a scorecard shows, by its id: a name for people and the formula
 * of PRODUCT.md's metric model, shown on hover and in docs/metrics.md.
 */
public final class MetricDefinitions {

    /** A figure's name and formula. */
    public record Definition(String id, String name, String formula) {
    }

    private static final Map<String, Definition> ALL = new LinkedHashMap<>();
    /** Money summed up to the as-of date; every other money figure is impact per KPI period. */
    private static final java.util.Set<String> TO_DATE = java.util.Set.of("cumulativeRealizedImpact", "strandedCapital",
            "infrastructureSpend", "workforceSpend");

    static {
        add("reach", "Reach", "Share of the intended users with at least one active day in the window.");
        add("adoptionDepth", "Adoption depth", "Mean over the intended users of level/4; level 0 none (0 active days), "
                + "1 tried (1), 2 occasional (2–7), 3 habitual (8–15), 4 embedded (≥ 16).");
        add("acceptanceRate", "Acceptance rate", "ACCEPTED / (ACCEPTED + EDITED + OVERRIDDEN + REJECTED) in the window.");
        add("overrideRate", "Override rate", "(OVERRIDDEN + REJECTED) / (ACCEPTED + EDITED + OVERRIDDEN + REJECTED) in the window.");
        add("skillCoverage", "Skill coverage", "Mean over (role member, skill the role requires) of min(level / required level, 1).");
        add("skillGap", "Skill gap", "1 − skill coverage.");
        add("skillGapReduction", "Skill gap reduction", "(gap at the baseline date − gap now) / gap at the baseline date; "
                + "the baseline date is when MAP_SKILLS was done, else the first assessment.");
        add("trainedShare", "Trained share", "Share of the intended users with a completed enablement linked to the workflow.");
        add("capabilityRoi", "Capability ROI", "Cumulative realized impact / cumulative workforce spend up to the as-of date.");
        add("quality", "Quality", "Latest reported evaluation score (0..1), else the acceptance rate of the AI system's "
                + "events; a workflow's is the mean over its systems weighted by its events.");
        add("availability", "Availability", "1 − events with an error / all events of the AI system in the window, or a "
                + "reported availability.");
        add("deploymentsPerMonth", "Deployments per month", "Successful production deployments in the window × 30 / 28.");
        add("technicalIndex", "Technical index", "100 × mean of min(quality / qualityTarget, 1), min(availability / "
                + "availabilityTarget, 1), min(deploymentsPerMonth / deploymentTarget, 1), over those available.");
        add("workforceIndex", "Workforce index", "100 × mean of skill coverage, adoption depth and min(capability ROI / "
                + "roiTarget, 1), over those available.");
        add("realizedImpact", "Realized impact", "Σ over business-outcome KPIs of d × (current − baseline) × value per "
                + "unit, per KPI period; current = mean of the measurements in the window, else the latest.");
        add("targetImpact", "Target impact", "Σ over business-outcome KPIs of d × (target − baseline) × value per unit.");
        add("realization", "Realization", "Realized impact / target impact.");
        add("cumulativeRealizedImpact", "Cumulative realized impact", "Σ over measurements after AI go-live of "
                + "d × (measurement − baseline) × value per unit.");
        add("operatingModelCapture", "Operating-model capture", "100 × realized / expected impact, capped at 100; "
                + "expected = target impact × adoption depth × quality.");
        add("strandedCapital", "Stranded capital", "Σ over workflows in production of infrastructure spend × (1 − "
                + "adoption depth).");
        add("infrastructureSpend", "Infrastructure spend", "Infrastructure spend up to the as-of date (a workflow's own "
                + "lines plus an equal share of its initiative's).");
        add("workforceSpend", "Workforce spend", "Workforce (upskilling, enablement) spend up to the as-of date.");
        add("workforceSpendShare", "Workforce share of spend", "Workforce spend / (infrastructure + workforce spend).");
        add("misalignedUserShare", "Misaligned user share", "Share of people with usage in the window whose events are "
                + "more than half unaligned (not attributed to a workflow with an outcome KPI).");
        add("unalignedActivityShare", "Unaligned activity share", "Unaligned events / all events in the window.");
        add("highPerformerShare", "High-performer share", "Share of workflows in production with realization ≥ 0.8 "
                + "and adoption depth ≥ 0.6.");
        add("pipelineLag", "Pipeline lag", "Technical stages done − workforce stages done (the largest across initiatives).");
        add("activePeople", "People", "Active members of the team and its sub-teams.");
        add("potential", "Potential", "The target impact.");
        add("lostToAdoption", "Lost to adoption", "Potential × (1 − adoption depth).");
        add("lostToQuality", "Lost to quality", "Potential × adoption depth × (1 − quality).");
        add("expected", "Expected", "Potential × adoption depth × quality.");
        add("operatingModelResidual", "Operating-model residual", "Expected − realized impact.");
        add("realized", "Realized", "The realized impact.");
        // Human review's part of a workflow's scorecard (docs/review.md): over the same window, UTC days.
        add("reviewItemsSubmitted", "Items submitted for review", "Review items submitted in the window.");
        add("reviewItemsDecided", "Items decided", "Review items whose (latest) decision falls in the window.");
        add("reviewItemsPending", "Items waiting", "Review items submitted by the end of the window and not decided by then.");
        add("reviewTimeMedian", "Median time to decision", "Median over the items decided in the window of decision "
                + "time − submission time, in hours.");
        add("reviewTimeP95", "95th percentile time to decision", "95th percentile of the same, in hours.");
        add("reviewAcceptedShare", "Accepted as proposed", "Items decided ACCEPTED / items decided in the window.");
        add("reviewDeadlineBreaches", "Review deadlines missed", "Σ over the items submitted in the window of the "
                + "deadlines each missed (each escalated it along the decision rights).");
        // Insight's part of a workflow's scorecard (docs/insight.md, "Is the effect real?").
        add("estimatedImpact", "Impact estimated from the KPI series", "Σ over business-outcome KPIs of d × (b2 + b3·h) "
                + "× value per unit: the interrupted time series' effect at the latest period, per KPI period.");
        add("estimatedImpactLow", "Its 95 % interval: low", "Estimate − √(Σ half-width²) over the KPIs' 95 % intervals.");
        add("estimatedImpactHigh", "Its 95 % interval: high", "Estimate + √(Σ half-width²) over the KPIs' 95 % intervals.");
        add("returnOnSpend", "Return on AI spend to date", "Cumulative realized impact of the workflows in production "
                + "/ (infrastructure + workforce spend) up to the as-of date.");
    }

    private MetricDefinitions() {
    }

    private static void add(String id, String name, String formula) {
        ALL.put(id, new Definition(id, name, formula));
    }

    public static Definition of(String id) {
        Definition definition = ALL.get(id);
        if (definition == null) {
            throw new IllegalArgumentException("no definition " + id);
        }
        return definition;
    }

    /**
     * The period of a money figure: {@link Figure#TO_DATE} for spend, cumulative impact and stranded
     * capital, else per KPI period (impact).
     */
    public static String periodOf(String id) {
        return TO_DATE.contains(id) ? Figure.TO_DATE : Figure.KPI_PERIOD;
    }

    public static Map<String, Definition> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }
}
