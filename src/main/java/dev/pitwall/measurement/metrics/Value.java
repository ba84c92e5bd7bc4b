package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.Measurement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Value of a workflow (PRODUCT.md, "Value"). For an outcome KPI with baseline b, current value c
 * (mean of measurements in W, else the latest up to D), direction d, value per unit v and target t:
 * <ul>
 * <li>{@code realizedImpact} = d × (c − b) × v per KPI period; {@code targetImpact} = d × (t − b) × v;
 * {@code realization} = realizedImpact / targetImpact — a workflow's figures are sums over its
 * business-outcome KPIs;</li>
 * <li>{@code cumulativeRealizedImpact} = Σ over the KPI's measurements after AI go-live up to D of
 * d × (m − b) × v.</li>
 * </ul>
 */
public final class Value {

    private Value() {
    }

    /**
     * One business-outcome KPI's value figures.
     *
     * @param kpi the KPI
     * @param current c, or {@code null} when nothing was measured up to D
     * @param realizedImpact d × (c − b) × v, or {@code null}
     * @param targetImpact d × (t − b) × v, or {@code null}
     * @param cumulativeRealizedImpact the sum since go-live, or {@code null}
     * @param reason why a figure is missing, or {@code null}
     */
    public record KpiValue(Kpi kpi, Double current, Double realizedImpact, Double targetImpact,
            Double cumulativeRealizedImpact, String reason) {
    }

    /** The figures of one KPI on D with window [from, D]; measurements are the KPI's, up to D. */
    public static KpiValue of(Kpi kpi, List<Measurement> measurements, LocalDate from, LocalDate asOf, LocalDate aiGoLive) {
        if (!kpi.hasBaseline()) {
            return new KpiValue(kpi, current(measurements, from, asOf), null, null, null, "KPI '" + kpi.name()
                    + "' has no baseline");
        }
        if (kpi.valuePerUnit() == null) {
            return new KpiValue(kpi, current(measurements, from, asOf), null, null, null, "KPI '" + kpi.name()
                    + "' has no value per unit");
        }
        double b = kpi.baselineValue().doubleValue();
        double v = kpi.valuePerUnit().doubleValue();
        int d = kpi.direction().sign();
        Double target = kpi.target() == null ? null : d * (kpi.target().doubleValue() - b) * v;
        Double c = current(measurements, from, asOf);
        Double realized = c == null ? null : d * (c - b) * v;
        Double cumulative = null;
        if (aiGoLive != null) {
            double sum = 0;
            int terms = 0;
            for (Measurement m : measurements) {
                if (m.periodEnd().isAfter(aiGoLive) && !m.periodEnd().isAfter(asOf)) {
                    sum += d * (m.value().doubleValue() - b) * v;
                    terms++;
                }
            }
            cumulative = terms == 0 ? null : sum;
        }
        String reason = c == null ? "KPI '" + kpi.name() + "' has no measurement up to " + asOf
                : target == null ? "KPI '" + kpi.name() + "' has no target" : null;
        return new KpiValue(kpi, c, realized, target, cumulative, reason);
    }

    /** c: the mean of the measurements with periods ending in [from, asOf], else the latest up to asOf. */
    static Double current(List<Measurement> measurements, LocalDate from, LocalDate asOf) {
        double sum = 0;
        int n = 0;
        Measurement latest = null;
        for (Measurement m : measurements) {
            if (m.periodEnd().isAfter(asOf)) {
                continue;
            }
            if (!m.periodEnd().isBefore(from)) {
                sum += m.value().doubleValue();
                n++;
            }
            if (latest == null || m.periodEnd().isAfter(latest.periodEnd())) {
                latest = m;
            }
        }
        if (n > 0) {
            return sum / n;
        }
        return latest == null ? null : latest.value().doubleValue();
    }

    /** A workflow's value: sums over its business-outcome KPIs. */
    public record Result(Figure realizedImpact, Figure targetImpact, Figure realization, Figure cumulativeRealizedImpact) {
    }

    public static Result sum(List<KpiValue> outcomes) {
        if (outcomes.isEmpty()) {
            String reason = "no business-outcome KPI";
            return new Result(Figure.missing("realizedImpact", "money", reason),
                    Figure.missing("targetImpact", "money", reason), Figure.missing("realization", "ratio", reason),
                    Figure.missing("cumulativeRealizedImpact", "money", reason));
        }
        Figure realized = total("realizedImpact", outcomes, KpiValue::realizedImpact);
        Figure target = total("targetImpact", outcomes, KpiValue::targetImpact);
        Figure cumulative = total("cumulativeRealizedImpact", outcomes, KpiValue::cumulativeRealizedImpact);
        return new Result(realized, target, realization(realized, target), cumulative);
    }

    public static Figure realization(Figure realized, Figure target) {
        if (!realized.present() || !target.present()) {
            return Figure.missing("realization", "ratio", realized.present() ? target.reason() : realized.reason());
        }
        if (target.v() == 0) {
            return Figure.missing("realization", "ratio", "the target impact is 0");
        }
        return Figure.of("realization", realized.v() / target.v(), "ratio");
    }

    /** The sum of a figure over KPIs; {@code null} with every KPI's reason when any KPI lacks it. */
    private static Figure total(String id, List<KpiValue> values, java.util.function.Function<KpiValue, Double> f) {
        double sum = 0;
        List<String> reasons = new ArrayList<>();
        for (KpiValue value : values) {
            Double x = f.apply(value);
            if (x == null) {
                reasons.add(value.reason() != null ? value.reason()
                        : id.equals("cumulativeRealizedImpact") ? "KPI '" + value.kpi().name()
                                + "' has no measurement after AI go-live (or no go-live is recorded)"
                                : "KPI '" + value.kpi().name() + "' lacks an input");
            } else {
                sum += x;
            }
        }
        return reasons.isEmpty() ? Figure.of(id, sum, "money") : Figure.missing(id, "money", String.join("; ", reasons));
    }
}
