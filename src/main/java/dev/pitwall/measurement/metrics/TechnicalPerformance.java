package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Technical performance per AI system, rolled up to the workflows that use it (PRODUCT.md,
 * "Technical performance"):
 * <ul>
 * <li>{@code quality} = latest reported evaluation score (0..1) up to D, else the acceptanceRate of
 * the system's events in W;</li>
 * <li>{@code availability} = a reported availability, else 1 − events with an error / all events in W;</li>
 * <li>{@code deploymentsPerMonth} = successful deployments in W × 30 / 28;</li>
 * <li>a workflow's quality and availability are the means over its systems weighted by the events
 * attributed to the workflow per system in W (equal weights when there are none); its
 * deploymentsPerMonth is the sum;</li>
 * <li>{@code technicalIndex} = 100 × mean of the available components among min(quality /
 * qualityTarget, 1), min(availability / availabilityTarget, 1), min(deploymentsPerMonth /
 * deploymentTarget, 1).</li>
 * </ul>
 */
public final class TechnicalPerformance {

    private TechnicalPerformance() {
    }

    /**
     * What is known of one AI system in the window.
     *
     * @param systemKey the system
     * @param evaluationScore the latest reported evaluation score up to D, or {@code null}
     * @param outcomes its events' outcomes in W
     * @param events its events in W
     * @param errors those with an error
     * @param reportedAvailability availability reported for W, or {@code null}
     * @param deployments successful deployments in W, or {@code null} for a SaaS copilot its vendor deploys
     * @param workflowEvents events of the workflow being scored that used this system in W
     */
    public record SystemFacts(String systemKey, Double evaluationScore, OutcomeCounts outcomes, long events, long errors,
            Double reportedAvailability, Long deployments, long workflowEvents) {
    }

    public static Figure quality(SystemFacts s) {
        if (s.evaluationScore() != null) {
            return Figure.of("quality", s.evaluationScore(), "ratio");
        }
        Figure acceptance = Adoption.rates(s.outcomes())[0];
        return acceptance.present() ? Figure.of("quality", acceptance.v(), "ratio")
                : Figure.missing("quality", "ratio", "no evaluation score and no usage event with an outcome");
    }

    public static Figure availability(SystemFacts s) {
        if (s.reportedAvailability() != null) {
            return Figure.of("availability", s.reportedAvailability(), "ratio");
        }
        return s.events() == 0 ? Figure.missing("availability", "ratio", "no usage events in the window")
                : Figure.of("availability", 1 - (double) s.errors() / s.events(), "ratio");
    }

    public static Figure deploymentsPerMonth(Long deployments) {
        if (deployments == null) {
            return Figure.missing("deploymentsPerMonth", "perMonth", "a SaaS copilot is deployed by its vendor");
        }
        return Figure.of("deploymentsPerMonth", deployments * 30.0 / 28.0, "perMonth");
    }

    /** The workflow's figure: the event-weighted mean of the systems' figures that are present. */
    public static Figure weighted(String id, List<SystemFacts> systems, java.util.function.Function<SystemFacts, Figure> f) {
        if (systems.isEmpty()) {
            return Figure.missing(id, "ratio", "the workflow uses no AI system");
        }
        boolean weighByEvents = systems.stream().anyMatch(s -> s.workflowEvents() > 0);
        double sum = 0;
        double weights = 0;
        List<String> reasons = new ArrayList<>();
        for (SystemFacts s : systems) {
            Figure figure = f.apply(s);
            if (!figure.present()) {
                reasons.add(s.systemKey() + ": " + figure.reason());
                continue;
            }
            double weight = weighByEvents ? s.workflowEvents() : 1;
            sum += figure.v() * weight;
            weights += weight;
        }
        if (weights == 0) {
            return Figure.missing(id, "ratio", String.join("; ", reasons));
        }
        return Figure.of(id, sum / weights, "ratio");
    }

    public static Figure workflowDeploymentsPerMonth(List<SystemFacts> systems) {
        if (systems.isEmpty()) {
            return Figure.missing("deploymentsPerMonth", "perMonth", "the workflow uses no AI system");
        }
        List<Long> counts = systems.stream().map(SystemFacts::deployments).filter(java.util.Objects::nonNull).toList();
        if (counts.isEmpty()) {
            return deploymentsPerMonth(null);
        }
        return deploymentsPerMonth(counts.stream().mapToLong(Long::longValue).sum());
    }

    /** The index over the components that are present; {@code null} when none is. */
    public static Figure technicalIndex(Figure quality, Figure availability, Figure deploymentsPerMonth, Targets targets) {
        List<Double> parts = new ArrayList<>();
        if (quality.present()) {
            parts.add(Math.min(quality.v() / targets.quality(), 1));
        }
        if (availability.present()) {
            parts.add(Math.min(availability.v() / targets.availability(), 1));
        }
        if (deploymentsPerMonth.present()) {
            parts.add(Math.min(deploymentsPerMonth.v() / targets.deploymentsPerMonth(), 1));
        }
        if (parts.isEmpty()) {
            return Figure.missing("technicalIndex", "index", "no quality, availability or deployment figure");
        }
        return Figure.of("technicalIndex", 100 * parts.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                "index");
    }
}
