package dev.pitwall.measurement;

import dev.pitwall.portfolio.Workflow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's rule for a measurement contract (PRODUCT.md, gate check 2): the workflow has at least
 * one business-outcome KPI, and every business-outcome KPI has a baseline whose period ended before
 * AI go-live, a target and a value per unit. A workflow without a recorded go-live is judged
 * against the day of the check, as if AI started then.
 */
public final class MeasurementContract {

    private MeasurementContract() {
    }

    /** What is missing from the workflow's contract on {@code asOf}; empty when it is complete. */
    public static List<String> gaps(Workflow workflow, List<Kpi> kpis, LocalDate asOf) {
        List<Kpi> outcomes = kpis.stream().filter(Kpi::isBusinessOutcome).toList();
        if (outcomes.isEmpty()) {
            return List.of("No business-outcome KPI is defined; add the KPI the workflow is meant to move, "
                    + "with its baseline, target and value per unit.");
        }
        LocalDate goLive = workflow.aiGoLive() == null ? asOf : workflow.aiGoLive();
        List<String> gaps = new ArrayList<>();
        for (Kpi kpi : outcomes) {
            if (!kpi.hasBaseline()) {
                gaps.add("KPI '" + kpi.name() + "' has no baseline; capture its value over a period before AI go-live.");
            } else if (!kpi.baselineTo().isBefore(goLive)) {
                gaps.add("KPI '" + kpi.name() + "': the baseline period ends " + kpi.baselineTo() + ", not before "
                        + (workflow.aiGoLive() == null ? "today (no AI go-live is recorded)" : "AI go-live " + goLive)
                        + ".");
            }
            if (kpi.target() == null) {
                gaps.add("KPI '" + kpi.name() + "' has no target.");
            }
            if (kpi.valuePerUnit() == null) {
                gaps.add("KPI '" + kpi.name() + "' has no value per unit, so its impact cannot be priced.");
            }
        }
        return gaps;
    }

    /**
     * Whether a baseline was captured before AI go-live for at least one business-outcome KPI; its
     * absence is the "missing baseline" part of friction.
     */
    public static boolean hasBaseline(Workflow workflow, List<Kpi> kpis, LocalDate asOf) {
        LocalDate goLive = workflow.aiGoLive() == null ? asOf : workflow.aiGoLive();
        return kpis.stream().anyMatch(k -> k.isBusinessOutcome() && k.hasBaseline() && k.baselineTo().isBefore(goLive));
    }
}
