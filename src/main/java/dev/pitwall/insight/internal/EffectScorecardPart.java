package dev.pitwall.insight.internal;

import dev.pitwall.insight.EffectService;
import dev.pitwall.insight.Interval;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.ScorecardPart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The workflow scorecard's answer to "is the realized impact real?": the impact the interrupted
 * time series estimates, in money per KPI period with its 95 % interval, and whether it is
 * distinguishable from noise (docs/insight.md). Several KPIs' estimates add up; their intervals
 * combine as independent (the half-widths in quadrature).
 */
@Component
@Order(0)
class EffectScorecardPart implements ScorecardPart {

    private final EffectService effects;

    EffectScorecardPart(EffectService effects) {
        this.effects = effects;
    }

    @Override
    public Optional<Part> of(String workflowKey, LocalDate from, LocalDate asOf) {
        EffectService.WorkflowEffect effect = effects.of(workflowKey, asOf);
        if (effect.kpis().isEmpty()) {
            return Optional.empty();
        }
        List<EffectService.KpiEffect> priced = effect.priced();
        String cadence = effect.impactPeriod();
        List<Figure> figures = new ArrayList<>();
        String title;
        if (priced.isEmpty()) {
            String why = effect.kpis().stream().map(k -> k.refusal() != null ? k.refusal()
                    : "KPI '" + k.kpiName() + "' has no value per unit").findFirst().orElse(effect.refusal());
            figures.add(new Figure("estimatedImpact", null, "money", "no estimate: " + why, effect.currency(), cadence));
            title = "Is the realized impact real? Not yet estimable";
        } else {
            Interval combined = effect.impact();
            figures.add(new Figure("estimatedImpact", combined.estimate(), "money", null, effect.currency(), cadence));
            figures.add(new Figure("estimatedImpactLow", combined.low(), "money", null, effect.currency(), cadence));
            figures.add(new Figure("estimatedImpactHigh", combined.high(), "money", null, effect.currency(), cadence));
            title = combined.containsZero() ? "Is the realized impact real? Not yet distinguishable from noise"
                    : "Is the realized impact real? Distinguishable from noise";
        }
        return Optional.of(new Part("effect", title, figures, "", List.of(), "docs/insight.md"));
    }
}
