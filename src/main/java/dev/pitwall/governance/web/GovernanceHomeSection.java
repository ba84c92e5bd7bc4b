package dev.pitwall.governance.web;

import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.platform.web.HomeSection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Governance on the home page, from one read of the heatmap: workflows by risk tier, those missing
 * required controls, and the evidence that expires within two weeks.
 */
@Component
class GovernanceHomeSection implements HomeSection {

    static final int EXPIRING_WITHIN_DAYS = 14;

    /** Evidence about to expire: a control in place on a workflow. */
    record Expiring(String workflowKey, String workflowName, String controlKey, String controlName, LocalDate expiresOn) {
    }

    private final CoverageService coverage;

    GovernanceHomeSection(CoverageService coverage) {
        this.coverage = coverage;
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
        LocalDate horizon = matrix.asOf().plusDays(EXPIRING_WITHIN_DAYS);
        Map<String, Long> byTier = new LinkedHashMap<>();
        for (RiskTier tier : RiskTier.values()) {
            byTier.put(tier.name(), matrix.workflows().stream().filter(r -> r.tier() == tier).count());
        }
        long classified = byTier.values().stream().mapToLong(Long::longValue).sum();
        long withGaps = matrix.workflows().stream()
                .filter(r -> r.tier() == null || r.cells().stream().anyMatch(c -> c.required() && !c.satisfied()))
                .count();
        List<Expiring> expiring = new ArrayList<>();
        for (ControlMatrix.Row row : matrix.workflows()) {
            for (int i = 0; i < row.cells().size(); i++) {
                ControlMatrix.Cell cell = row.cells().get(i);
                if (cell.satisfied() && cell.expiresOn() != null && !cell.expiresOn().isAfter(horizon)) {
                    ControlMatrix.Column column = matrix.controls().get(i);
                    expiring.add(new Expiring(row.key(), row.name(), column.key(), column.name(), cell.expiresOn()));
                }
            }
        }
        expiring.sort(Comparator.comparing(Expiring::expiresOn));
        return Map.of("workflows", matrix.workflows().size(), "classified", classified, "byTier", byTier,
                "withGaps", withGaps, "expiring", expiring, "days", EXPIRING_WITHIN_DAYS);
    }
}
