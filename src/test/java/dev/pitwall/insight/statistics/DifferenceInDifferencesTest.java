package dev.pitwall.insight.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Difference-in-differences on synthetic panels with a known effect. */
class DifferenceInDifferencesTest {

    /**
     * {@code units} teams over {@code periods} periods: a level per team, a shock per period shared
     * by every team (which a before/after comparison would take for the effect), the effect 5 once a
     * team has AI, and noise. A third of the teams go live halfway, a sixth three quarters in, the
     * rest never.
     */
    private static List<DifferenceInDifferences.Observation> panel(int units, int periods, double noise, long seed) {
        Random random = new Random(seed);
        double[] shock = new double[periods];
        for (int t = 0; t < periods; t++) {
            shock[t] = 10 * Math.sin(t) + (t >= periods / 2 ? 8 : 0);
        }
        List<DifferenceInDifferences.Observation> observations = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            int goLive = u < units / 3 ? periods / 2 : u < units / 2 ? 3 * periods / 4 : Integer.MAX_VALUE;
            double level = 100 + 7 * u;
            for (int t = 0; t < periods; t++) {
                boolean treated = t >= goLive;
                observations.add(new DifferenceInDifferences.Observation("team " + u, t,
                        level + shock[t] + (treated ? 5 : 0) + noise * random.nextGaussian(), treated));
            }
        }
        return observations;
    }

    @Test
    void withoutNoiseTheEffectIsExactDespiteAShockInTheGoLivePeriod() {
        DifferenceInDifferences.Estimate e = DifferenceInDifferences.estimate(panel(6, 12, 0, 1)).estimate();
        assertThat(e.effect().estimate()).isCloseTo(5, within(1e-8));
        assertThat(e.units()).isEqualTo(6);
        assertThat(e.treatedUnits()).isEqualTo(3);
        assertThat(e.periods()).isEqualTo(12);
    }

    @Test
    void theIntervalCoversTheKnownEffectAndShrinksWithMoreData() {
        DifferenceInDifferences.Estimate small = DifferenceInDifferences.estimate(panel(6, 12, 3, 11)).estimate();
        DifferenceInDifferences.Estimate large = DifferenceInDifferences.estimate(panel(24, 48, 3, 11)).estimate();
        for (DifferenceInDifferences.Estimate e : List.of(small, large)) {
            assertThat(e.effect().low()).isLessThan(5);
            assertThat(e.effect().high()).isGreaterThan(5);
        }
        assertThat(large.effect().high() - large.effect().low()).isLessThan(small.effect().high() - small.effect().low());
        assertThat(large.effect().containsZero()).isFalse();
        // Over many seeds, the 95 % interval covers the effect about 95 % of the time.
        int covered = 0;
        for (long seed = 0; seed < 400; seed++) {
            var interval = DifferenceInDifferences.estimate(panel(8, 16, 3, seed)).estimate().effect();
            covered += interval.low() <= 5 && interval.high() >= 5 ? 1 : 0;
        }
        assertThat(covered / 400.0).isBetween(0.92, 0.98);
    }

    @Test
    void refusesWhatItCannotEstimate() {
        assertThat(DifferenceInDifferences.estimate(List.of(new DifferenceInDifferences.Observation("a", 0, 1, false)))
                .refusal()).isEqualTo("needs at least two teams measured; has 1");
        List<DifferenceInDifferences.Observation> noAi = panel(4, 8, 1, 2).stream()
                .map(o -> new DifferenceInDifferences.Observation(o.unit(), o.period(), o.value(), false)).toList();
        assertThat(DifferenceInDifferences.estimate(noAi).refusal()).isEqualTo("no measured team has AI yet");
        List<DifferenceInDifferences.Observation> allAlways = panel(4, 8, 1, 2).stream()
                .map(o -> new DifferenceInDifferences.Observation(o.unit(), o.period(), o.value(), true)).toList();
        assertThat(DifferenceInDifferences.estimate(allAlways).refusal())
                .isEqualTo("no team with AI was measured before its go-live");
        // Every team goes live at once: no team without AI to compare with.
        List<DifferenceInDifferences.Observation> together = panel(4, 8, 1, 2).stream()
                .map(o -> new DifferenceInDifferences.Observation(o.unit(), o.period(), o.value(), o.period() >= 4)).toList();
        assertThat(DifferenceInDifferences.estimate(together).refusal()).startsWith("no team without AI was measured");
    }
}
