package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.metrics.ValueCapture.Constraint;
import org.junit.jupiter.api.Test;

class ValueCaptureTest {

    private static final Targets DEFAULTS = new Targets(0.9, 0.995, 2, 1.0);

    private static Figure f(String id, double v) {
        return Figure.of(id, v, "ratio");
    }

    @Test
    void theSeedExampleIsWorkforceConstrained() {
        // A 99% accurate model with 20% adoption: potential 100,000, realized 18,000.
        ValueCapture.Waterfall w = ValueCapture.waterfall(Figure.of("targetImpact", 100_000, "money"),
                f("adoptionDepth", 0.2), f("quality", 0.99), Figure.of("realizedImpact", 18_000, "money"));
        assertThat(w.lostToAdoption().value()).isCloseTo(80_000, within(1e-6));
        assertThat(w.lostToQuality().value()).isCloseTo(200, within(1e-6));
        assertThat(w.expected().value()).isCloseTo(19_800, within(1e-6));
        assertThat(w.operatingModelResidual().value()).isCloseTo(1_800, within(1e-6));
        assertThat(w.realized().value()).isEqualTo(18_000);
        Figure capture = ValueCapture.operatingModelCapture(w);
        assertThat(capture.value()).isCloseTo(100 * 18_000 / 19_800.0, within(1e-9));
        // workforce: coverage 0.7, depth 0.2, ROI 0.5 of target 1 -> 100 * 1.4 / 3
        Figure workforce = ValueCapture.workforceIndex(f("skillCoverage", 0.7), f("adoptionDepth", 0.2),
                f("capabilityRoi", 0.5), DEFAULTS);
        assertThat(workforce.value()).isCloseTo(140.0 / 3, within(1e-9));
        assertThat(ValueCapture.bindingConstraint(Figure.of("technicalIndex", 95, "index"), workforce, capture))
                .isEqualTo(Constraint.WORKFORCE);
    }

    @Test
    void captureIsCappedAndNegativeRoiCountsAsZero() {
        ValueCapture.Waterfall over = ValueCapture.waterfall(Figure.of("targetImpact", 1000, "money"),
                f("adoptionDepth", 0.5), f("quality", 0.8), Figure.of("realizedImpact", 900, "money"));
        assertThat(ValueCapture.operatingModelCapture(over).value()).isEqualTo(100);
        assertThat(ValueCapture.workforceIndex(Figure.missing("skillCoverage", "ratio", "x"), f("adoptionDepth", 0.6),
                f("capabilityRoi", -2), DEFAULTS).value()).isCloseTo(30, within(1e-9));
    }

    @Test
    void aMissingInputLeavesTheWaterfallWithReasons() {
        ValueCapture.Waterfall w = ValueCapture.waterfall(Figure.of("targetImpact", 1000, "money"),
                Figure.missing("adoptionDepth", "ratio", "no intended users"), f("quality", 0.9),
                Figure.of("realizedImpact", 10, "money"));
        assertThat(w.expected().reason()).isEqualTo("adoption depth: no intended users");
        assertThat(w.potential().value()).isEqualTo(1000);
        assertThat(ValueCapture.bindingConstraint(Figure.of("technicalIndex", 40, "index"),
                Figure.missing("workforceIndex", "index", "x"), ValueCapture.operatingModelCapture(w)))
                .isEqualTo(Constraint.TECHNOLOGY);
        assertThat(ValueCapture.bindingConstraint(Figure.missing("technicalIndex", "index", "x"),
                Figure.missing("workforceIndex", "index", "x"), Figure.missing("operatingModelCapture", "index", "x")))
                .isNull();
    }
}
