package dev.pitwall.insight.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The insight statistics against known answers. */
class StatisticsTest {

    /** Longley (1967), the NIST StRD reference data set for linear regression, with its certified values. */
    private static final double[][] LONGLEY = {
        {60323, 83.0, 234289, 2356, 1590, 107608, 1947}, {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
        {60171, 88.2, 258054, 3682, 1616, 109773, 1949}, {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
        {63221, 96.2, 328975, 2099, 3099, 112075, 1951}, {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
        {64989, 99.0, 365385, 1870, 3547, 115094, 1953}, {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
        {66019, 101.2, 397469, 2904, 3048, 117388, 1955}, {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
        {68169, 108.4, 442769, 2936, 2798, 120445, 1957}, {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
        {68655, 112.6, 482704, 3813, 2552, 123366, 1959}, {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
        {69331, 115.7, 518173, 4806, 2572, 127852, 1961}, {70551, 116.9, 554894, 4007, 2827, 130081, 1962}};

    @Test
    void olsReproducesNistsCertifiedLongleyValues() {
        double[] y = new double[16];
        double[][] x = new double[16][6];
        for (int i = 0; i < 16; i++) {
            y[i] = LONGLEY[i][0];
            System.arraycopy(LONGLEY[i], 1, x[i], 0, 6);
        }
        LinearModel.Fit fit = LinearModel.fit(y, x).fit();
        assertThat(fit).isNotNull();
        double[] certified = {-3482258.63459582, 15.0618722713733, -0.358191792925910E-01, -2.02022980381683,
            -1.03322686717359, -0.511041056535807E-01, 1829.15146461355};
        for (int i = 0; i < certified.length; i++) {
            assertThat(fit.coefficients()[i]).isCloseTo(certified[i], within(Math.abs(certified[i]) * 1e-7));
        }
        assertThat(fit.standardError(0)).isCloseTo(890420.383607373, within(1e-2));
        assertThat(fit.rSquared()).isCloseTo(0.995479004577296, within(1e-10));
        assertThat(fit.residualDegreesOfFreedom()).isEqualTo(9);
    }

    @Test
    void olsRefusesTooFewObservationsAConstantOutcomeAndCollinearFactors() {
        assertThat(LinearModel.fit(new double[] {1, 2, 3}, new double[][] {{1}, {2}, {4}}).refusal())
                .startsWith("too few observations: 3 for 2 parameters");
        assertThat(LinearModel.fit(new double[] {2, 2, 2, 2, 2}, new double[][] {{1}, {2}, {3}, {4}, {5}}).refusal())
                .isEqualTo("the outcome does not vary");
        double[][] collinear = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}, {6, 12}};
        assertThat(LinearModel.fit(new double[] {1, 3, 2, 5, 4, 6}, collinear).refusal()).contains("collinear");
    }

    /**
     * Orthogonal factors: y = 2 x₁ + x₂ + ½ x₃ with x₁, x₂, x₃ orthogonal contrasts of length² 8, so
     * SST = (4 + 1 + ¼) × 8 = 42, R²(x₁) = 32/42, R²(x₂) = 8/42 and, the groups not overlapping, each
     * group's Shapley value is its own R²: 16/21 and 4/21, summing to R² = 40/42.
     */
    @Test
    void shapleyValuesOfOrthogonalGroupsAreTheirOwnRSquared() {
        double[] x1 = {1, -1, 1, -1, 1, -1, 1, -1};
        double[] x2 = {1, 1, -1, -1, 1, 1, -1, -1};
        double[] x3 = {1, 1, 1, 1, -1, -1, -1, -1};
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            y[i] = 2 * x1[i] + x2[i] + 0.5 * x3[i];
        }
        double[] phi = ShapleyR2.contributions(y, List.of(new ShapleyR2.Group("a", column(x1)),
                new ShapleyR2.Group("b", column(x2))));
        assertThat(phi[0]).isCloseTo(16.0 / 21, within(1e-12));
        assertThat(phi[1]).isCloseTo(4.0 / 21, within(1e-12));
    }

    /** Correlated groups: for two groups φ₁ = (R²(1) + R²(1,2) − R²(2)) / 2; for three, the values sum to R². */
    @Test
    void shapleyValuesOfCorrelatedGroupsSplitTheSharedPartAndSumToRSquared() {
        Random random = new Random(7);
        int n = 60;
        double[] y = new double[n];
        double[][] a = new double[n][2];
        double[][] b = new double[n][1];
        double[][] c = new double[n][1];
        for (int i = 0; i < n; i++) {
            a[i][0] = random.nextGaussian();
            a[i][1] = random.nextGaussian();
            b[i][0] = 0.6 * a[i][0] + random.nextGaussian();
            c[i][0] = random.nextGaussian();
            y[i] = a[i][0] + 0.5 * a[i][1] + 0.8 * b[i][0] + 0.2 * c[i][0] + random.nextGaussian();
        }
        double r1 = LinearModel.rSquared(y, a);
        double r2 = LinearModel.rSquared(y, b);
        double[][] ab = new double[n][3];
        for (int i = 0; i < n; i++) {
            ab[i] = new double[] {a[i][0], a[i][1], b[i][0]};
        }
        double r12 = LinearModel.rSquared(y, ab);
        double[] two = ShapleyR2.contributions(y, List.of(new ShapleyR2.Group("a", a), new ShapleyR2.Group("b", b)));
        assertThat(two[0]).isCloseTo((r1 + r12 - r2) / 2, within(1e-12));
        assertThat(two[1]).isCloseTo((r2 + r12 - r1) / 2, within(1e-12));

        List<ShapleyR2.Group> groups = List.of(new ShapleyR2.Group("a", a), new ShapleyR2.Group("b", b),
                new ShapleyR2.Group("c", c));
        ShapleyR2.Decomposition d = ShapleyR2.decompose(y, groups, 200, 42).decomposition();
        assertThat(d.contributions()[0] + d.contributions()[1] + d.contributions()[2]).isCloseTo(d.rSquared(), within(1e-12));
        for (int j = 0; j < 3; j++) {
            assertThat(d.low()[j]).isLessThanOrEqualTo(d.contributions()[j] + 0.05);
            assertThat(d.high()[j]).isGreaterThanOrEqualTo(d.contributions()[j] - 0.05);
        }
        // The bootstrap is reproducible with its seed, and another seed draws other resamples.
        ShapleyR2.Decomposition again = ShapleyR2.decompose(y, groups, 200, 42).decomposition();
        assertThat(again.low()).containsExactly(d.low());
        assertThat(again.high()).containsExactly(d.high());
        assertThat(ShapleyR2.decompose(y, groups, 200, 43).decomposition().low()).isNotEqualTo(d.low());
    }

    @Test
    void theSegmentedRegressionCoversAKnownEffectAndItsIntervalShrinksWithMoreData() {
        SegmentedRegression.Estimate short_ = series(24, 7).estimate();
        SegmentedRegression.Estimate long_ = series(96, 7).estimate();
        for (SegmentedRegression.Estimate e : List.of(short_, long_)) {
            assertThat(e.levelChange().low()).isLessThan(-5);
            assertThat(e.levelChange().high()).isGreaterThan(-5);
            assertThat(e.slopeChange().low()).isLessThan(0);
            assertThat(e.slopeChange().high()).isGreaterThan(0);
            assertThat(e.levelChange().containsZero()).isFalse();
        }
        assertThat(long_.levelChange().high() - long_.levelChange().low())
                .isLessThan(short_.levelChange().high() - short_.levelChange().low());

        // Without noise the estimate is exact; with no effect the interval contains 0.
        double[] exact = new double[12];
        for (int t = 0; t < 12; t++) {
            exact[t] = 100 + 2 * t + (t >= 6 ? -8 + 0.5 * (t - 6) : 0);
        }
        SegmentedRegression.Estimate e = SegmentedRegression.estimate(exact, 6).estimate();
        assertThat(e.levelChange().estimate()).isCloseTo(-8, within(1e-8));
        assertThat(e.slopeChange().estimate()).isCloseTo(0.5, within(1e-8));
        assertThat(e.effectAtLatest().estimate()).isCloseTo(-8 + 0.5 * 5, within(1e-8));
        Random random = new Random(3);
        double[] none = new double[16];
        for (int t = 0; t < 16; t++) {
            none[t] = 50 + random.nextGaussian();
        }
        assertThat(SegmentedRegression.estimate(none, 8).estimate().levelChange().containsZero()).isTrue();

        assertThat(SegmentedRegression.estimate(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 3).refusal())
                .isEqualTo("needs at least 4 periods measured before the AI go-live and 4 from it on; has 3 before and 5 after");
    }

    /** y = 40 + 0.3 t − 5 D + noise (σ = 1, seeded), half the periods before go-live. */
    private static SegmentedRegression.Result series(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 40 + 0.3 * t + (t >= n / 2 ? -5 : 0) + random.nextGaussian();
        }
        return SegmentedRegression.estimate(y, n / 2);
    }

    private static double[][] column(double[] values) {
        double[][] c = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            c[i][0] = values[i];
        }
        return c;
    }
}
