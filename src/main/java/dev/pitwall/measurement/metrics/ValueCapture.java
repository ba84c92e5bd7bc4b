package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a workflow's value goes (PRODUCT.md, "Value"):
 * <ul>
 * <li>{@code workforceIndex} = 100 × mean of the available components among skillCoverage,
 * adoptionDepth, min(capabilityRoi / roiTarget, 1) (a negative ROI counts as 0, so the index stays
 * in 0..100);</li>
 * <li>the value-capture waterfall per period: potential = targetImpact; lost to adoption =
 * potential × (1 − adoptionDepth); lost to quality = potential × adoptionDepth × (1 − quality);
 * expected = potential × adoptionDepth × quality; operating-model residual = expected −
 * realizedImpact; realized = realizedImpact;</li>
 * <li>{@code operatingModelCapture} = 100 × realized / expected, capped at 100 (and at 0 below);</li>
 * <li>{@code bindingConstraint}: the lowest of technicalIndex, workforceIndex and
 * operatingModelCapture — {@code TECHNOLOGY}, {@code WORKFORCE} or {@code OPERATING_MODEL}.</li>
 * </ul>
 */
public final class ValueCapture {

    private ValueCapture() {
    }

    public enum Constraint { TECHNOLOGY, WORKFORCE, OPERATING_MODEL }

    public static Figure workforceIndex(Figure skillCoverage, Figure adoptionDepth, Figure capabilityRoi, Targets targets) {
        List<Double> parts = new ArrayList<>();
        if (skillCoverage.present()) {
            parts.add(skillCoverage.v());
        }
        if (adoptionDepth.present()) {
            parts.add(adoptionDepth.v());
        }
        if (capabilityRoi.present()) {
            parts.add(Math.max(0, Math.min(capabilityRoi.v() / targets.roi(), 1)));
        }
        if (parts.isEmpty()) {
            return Figure.missing("workforceIndex", "index", "no skill coverage, adoption depth or capability ROI");
        }
        return Figure.of("workforceIndex", 100 * parts.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                "index");
    }

    /**
     * The waterfall's steps in order: potential, lostToAdoption, lostToQuality, expected,
     * operatingModelResidual, realized.
     */
    public record Waterfall(Figure potential, Figure lostToAdoption, Figure lostToQuality, Figure expected,
            Figure operatingModelResidual, Figure realized) {

        public List<Figure> steps() {
            return List.of(potential, lostToAdoption, lostToQuality, expected, operatingModelResidual, realized);
        }
    }

    public static Waterfall waterfall(Figure targetImpact, Figure adoptionDepth, Figure quality, Figure realizedImpact) {
        Figure potential = rename("potential", targetImpact);
        Figure realized = rename("realized", realizedImpact);
        String missing = !targetImpact.present() ? targetImpact.reason()
                : !adoptionDepth.present() ? "adoption depth: " + adoptionDepth.reason()
                        : !quality.present() ? "quality: " + quality.reason() : null;
        if (missing != null) {
            return new Waterfall(potential, Figure.missing("lostToAdoption", "money", missing),
                    Figure.missing("lostToQuality", "money", missing), Figure.missing("expected", "money", missing),
                    Figure.missing("operatingModelResidual", "money", missing), realized);
        }
        double p = targetImpact.v();
        double depth = adoptionDepth.v();
        double q = quality.v();
        double expected = p * depth * q;
        Figure residual = realizedImpact.present()
                ? Figure.of("operatingModelResidual", expected - realizedImpact.v(), "money")
                : Figure.missing("operatingModelResidual", "money", realizedImpact.reason());
        return new Waterfall(potential, Figure.of("lostToAdoption", p * (1 - depth), "money"),
                Figure.of("lostToQuality", p * depth * (1 - q), "money"), Figure.of("expected", expected, "money"),
                residual, realized);
    }

    public static Figure operatingModelCapture(Waterfall waterfall) {
        Figure expected = waterfall.expected();
        Figure realized = waterfall.realized();
        if (!expected.present() || !realized.present()) {
            return Figure.missing("operatingModelCapture", "index",
                    expected.present() ? realized.reason() : expected.reason());
        }
        if (expected.v() <= 0) {
            return Figure.missing("operatingModelCapture", "index", "the expected impact is not positive");
        }
        return Figure.of("operatingModelCapture", Math.max(0, Math.min(100 * realized.v() / expected.v(), 100)), "index");
    }

    /** The lowest present of the three, ties resolved in the order TECHNOLOGY, WORKFORCE, OPERATING_MODEL. */
    public static Constraint bindingConstraint(Figure technicalIndex, Figure workforceIndex, Figure operatingModelCapture) {
        Constraint lowest = null;
        double min = Double.MAX_VALUE;
        Figure[] figures = {technicalIndex, workforceIndex, operatingModelCapture};
        for (int i = 0; i < figures.length; i++) {
            if (figures[i].present() && figures[i].v() < min) {
                min = figures[i].v();
                lowest = Constraint.values()[i];
            }
        }
        return lowest;
    }

    private static Figure rename(String id, Figure f) {
        return f.present() ? Figure.of(id, f.v(), "money") : Figure.missing(id, "money", f.reason());
    }
}
