package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.metrics.TechnicalPerformance.SystemFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicalPerformanceTest {

    private static final Targets DEFAULTS = new Targets(0.9, 0.995, 2, 1.0);

    @Test
    void qualityPrefersTheEvaluationScoreOverAcceptance() {
        SystemFacts evaluated = new SystemFacts("a", 0.97, new OutcomeCounts(5, 5, 0, 0), 10, 0, null, 0L, 0);
        SystemFacts unevaluated = new SystemFacts("b", null, new OutcomeCounts(8, 1, 1, 0), 10, 0, null, 0L, 0);
        assertThat(TechnicalPerformance.quality(evaluated).value()).isEqualTo(0.97);
        assertThat(TechnicalPerformance.quality(unevaluated).value()).isEqualTo(0.8);
        assertThat(TechnicalPerformance.quality(new SystemFacts("c", null, OutcomeCounts.NONE, 0, 0, null, 0L, 0))
                .reason()).contains("no evaluation score");
    }

    @Test
    void availabilityFromErrorsUnlessReported() {
        assertThat(TechnicalPerformance.availability(new SystemFacts("a", null, OutcomeCounts.NONE, 400, 2, null, 0L, 0))
                .value()).isEqualTo(0.995);
        assertThat(TechnicalPerformance.availability(new SystemFacts("a", null, OutcomeCounts.NONE, 400, 2, 0.9991, 0L, 0))
                .value()).isEqualTo(0.9991);
    }

    @Test
    void aWorkflowWeighsItsSystemsByItsOwnEvents() {
        // quality 0.9 on 300 of the workflow's events, 0.6 on 100: (0.9*300 + 0.6*100) / 400 = 0.825
        SystemFacts a = new SystemFacts("a", 0.9, OutcomeCounts.NONE, 1000, 0, null, 3L, 300);
        SystemFacts b = new SystemFacts("b", 0.6, OutcomeCounts.NONE, 1000, 10, null, 1L, 100);
        Figure quality = TechnicalPerformance.weighted("quality", List.of(a, b), TechnicalPerformance::quality);
        assertThat(quality.value()).isCloseTo(0.825, within(1e-12));
        // no events of the workflow: equal weights
        SystemFacts a0 = new SystemFacts("a", 0.9, OutcomeCounts.NONE, 0, 0, null, 0L, 0);
        SystemFacts b0 = new SystemFacts("b", 0.6, OutcomeCounts.NONE, 0, 0, null, 0L, 0);
        assertThat(TechnicalPerformance.weighted("quality", List.of(a0, b0), TechnicalPerformance::quality).value())
                .isCloseTo(0.75, within(1e-12));
        // deployments are summed: 4 in 28 days = 4 * 30 / 28 per month
        assertThat(TechnicalPerformance.workflowDeploymentsPerMonth(List.of(a, b)).value())
                .isCloseTo(120.0 / 28, within(1e-12));
        // a SaaS copilot is deployed by its vendor: no figure, and it does not count in the sum
        SystemFacts saas = new SystemFacts("copilot", null, OutcomeCounts.NONE, 10, 0, null, null, 5);
        assertThat(TechnicalPerformance.workflowDeploymentsPerMonth(List.of(saas)).reason())
                .isEqualTo("a SaaS copilot is deployed by its vendor");
        assertThat(TechnicalPerformance.workflowDeploymentsPerMonth(List.of(a, saas)).value())
                .isCloseTo(90.0 / 28, within(1e-12));
    }

    @Test
    void technicalIndexAveragesTheCappedComponents() {
        // min(0.81/0.9, 1) = 0.9; min(0.999/0.995, 1) = 1; min(1/2, 1) = 0.5 -> 100 * 2.4 / 3 = 80
        Figure index = TechnicalPerformance.technicalIndex(Figure.of("quality", 0.81, "ratio"),
                Figure.of("availability", 0.999, "ratio"), Figure.of("deploymentsPerMonth", 1, "perMonth"), DEFAULTS);
        assertThat(index.value()).isCloseTo(80, within(1e-9));
        // only the available components count: quality alone at 0.45 -> 50
        Figure partial = TechnicalPerformance.technicalIndex(Figure.of("quality", 0.45, "ratio"),
                Figure.missing("availability", "ratio", "x"), Figure.missing("deploymentsPerMonth", "perMonth", "y"),
                DEFAULTS);
        assertThat(partial.value()).isCloseTo(50, within(1e-9));
        assertThat(TechnicalPerformance.technicalIndex(Figure.missing("quality", "ratio", "x"),
                Figure.missing("availability", "ratio", "x"), Figure.missing("deploymentsPerMonth", "perMonth", "y"),
                DEFAULTS).reason()).isNotBlank();
    }
}
