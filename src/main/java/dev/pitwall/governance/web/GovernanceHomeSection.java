package dev.pitwall.governance.web;

import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.platform.web.HomeSection;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Governance on the home page: workflows by risk tier, how many miss required controls, and the
 * evidence that expires within two weeks.
 */
@Component
class GovernanceHomeSection implements HomeSection {

    static final int EXPIRING_WITHIN_DAYS = 14;

    private final CoverageService coverage;
    private final ImplementationService implementations;
    private final WorkflowService workflows;

    GovernanceHomeSection(CoverageService coverage, ImplementationService implementations, WorkflowService workflows) {
        this.coverage = coverage;
        this.implementations = implementations;
        this.workflows = workflows;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String fragment() {
        return "governance/home :: section";
    }

    @Override
    public Map<String, Object> model() {
        ControlMatrix matrix = coverage.matrix();
        LocalDate today = matrix.asOf();
        List<ControlMatrix.Row> classified = matrix.workflows().stream().filter(r -> r.tier() != null).toList();
        List<ControlMatrix.Row> withGaps = matrix.workflows().stream()
                .filter(r -> r.tier() == null || r.cells().stream().anyMatch(c -> c.required() && !c.satisfied()))
                .toList();
        List<Workflow> all = workflows.find(null, null);
        List<ControlImplementation> expiring = implementations.of(all).values().stream().flatMap(List::stream)
                .filter(i -> i.satisfiedOn(today) && i.expiresOn() != null
                        && !i.expiresOn().isAfter(today.plusDays(EXPIRING_WITHIN_DAYS)))
                .sorted(java.util.Comparator.comparing(ControlImplementation::expiresOn))
                .toList();
        Map<String, Long> byTier = new java.util.LinkedHashMap<>();
        for (var tier : dev.pitwall.governance.RiskTier.values()) {
            byTier.put(tier.name(), classified.stream().filter(r -> r.tier() == tier).count());
        }
        return Map.of("workflows", matrix.workflows().size(), "classified", classified.size(), "byTier", byTier,
                "withGaps", withGaps, "expiring", expiring, "days", EXPIRING_WITHIN_DAYS);
    }
}
