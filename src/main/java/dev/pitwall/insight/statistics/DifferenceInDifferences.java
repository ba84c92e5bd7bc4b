package dev.pitwall.insight.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Difference-in-differences with two-way fixed effects: y_it = α_i + λ_t + β·D_it + ε_it, one α per
 * unit (a team), one λ per period, D_it = 1 once unit i has AI. β is the effect, with its 95 %
 * interval from OLS (t distribution). Units that get AI later, or never, are the comparison for
 * those that have it, so a common shock to every unit in a period is not taken for the effect.
 * Assumes parallel trends without AI and an effect that is the same for every unit and period
 * (with staggered go-lives of differing effects, the estimate is a weighted mix; docs/insight.md).
 */
public final class DifferenceInDifferences {

    private DifferenceInDifferences() {
    }

    /** One measured value: a unit in a period, and whether it had AI then. */
    public record Observation(String unit, int period, double value, boolean treated) {
    }

    /**
     * The estimate.
     *
     * @param effect β with its interval
     * @param units units measured
     * @param treatedUnits units that had AI in some period
     * @param periods periods measured
     * @param observations values used
     */
    public record Estimate(LinearModel.Interval effect, int units, int treatedUnits, int periods, int observations) {
    }

    /** The answer: an estimate, or why there is none. */
    public record Result(Estimate estimate, String refusal) {
    }

    public static Result estimate(List<Observation> observations) {
        Map<String, List<Observation>> byUnit = observations.stream()
                .collect(Collectors.groupingBy(Observation::unit, TreeMap::new, Collectors.toList()));
        if (byUnit.size() < 2) {
            return new Result(null, "needs at least two teams measured; has " + byUnit.size());
        }
        Set<String> treatedUnits = observations.stream().filter(Observation::treated).map(Observation::unit)
                .collect(Collectors.toCollection(TreeSet::new));
        if (treatedUnits.isEmpty()) {
            return new Result(null, "no measured team has AI yet");
        }
        boolean seenBefore = treatedUnits.stream().anyMatch(u -> byUnit.get(u).stream().anyMatch(o -> !o.treated()));
        if (!seenBefore) {
            return new Result(null, "no team with AI was measured before its go-live");
        }
        Set<Integer> treatedPeriods = observations.stream().filter(Observation::treated).map(Observation::period)
                .collect(Collectors.toSet());
        boolean compared = observations.stream().anyMatch(o -> !o.treated() && treatedPeriods.contains(o.period()));
        if (!compared) {
            return new Result(null, "no team without AI was measured while others had it: nothing to compare with");
        }
        List<String> units = List.copyOf(byUnit.keySet());
        List<Integer> periods = observations.stream().map(Observation::period).distinct().sorted().toList();
        int width = (units.size() - 1) + (periods.size() - 1) + 1;
        double[] y = new double[observations.size()];
        double[][] x = new double[observations.size()][width];
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            y[i] = o.value();
            int unit = units.indexOf(o.unit());
            if (unit > 0) {
                x[i][unit - 1] = 1;
            }
            int period = periods.indexOf(o.period());
            if (period > 0) {
                x[i][units.size() - 1 + period - 1] = 1;
            }
            x[i][width - 1] = o.treated() ? 1 : 0;
        }
        LinearModel.Result fit = LinearModel.fit(y, x);
        if (fit.fit() == null) {
            return new Result(null, fit.refusal());
        }
        double[] weights = new double[width + 1];
        weights[width] = 1;
        return new Result(new Estimate(fit.fit().interval(weights), units.size(), treatedUnits.size(), periods.size(),
                observations.size()), null);
    }
}
