package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPackContent.PackFigure;
import dev.pitwall.board.BoardPackContent.Row;
import dev.pitwall.board.BoardPackContent.Section;
import dev.pitwall.board.BoardPackContent.Table;
import dev.pitwall.board.BoardPackPeriod;
import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.operations.Incident;
import dev.pitwall.operations.IncidentService;
import dev.pitwall.operations.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The pack's risk and compliance: the workflows by risk tier and the required controls not in
 * place (the governance state when the pack is made: controls have no history to read as of a date),
 * and the incidents opened in the period and open at its end (read from their times, UTC).
 */
@Component
class RiskSection {

    private static final int INCIDENTS_READ = 1000;

    private final CoverageService coverage;
    private final IncidentService incidents;

    RiskSection(CoverageService coverage, IncidentService incidents) {
        this.coverage = coverage;
        this.incidents = incidents;
    }

    Section section(BoardPackPeriod period) {
        ControlMatrix matrix = coverage.matrix();
        List<PackFigure> figures = new ArrayList<>();
        for (RiskTier tier : RiskTier.values()) {
            figures.add(count("risk.tier." + tier.name(), "Workflows of " + tier.name().toLowerCase() + " risk",
                    matrix.workflows().stream().filter(w -> w.tier() == tier).count()));
        }
        figures.add(count("risk.unclassified", "Workflows not classified",
                matrix.workflows().stream().filter(w -> w.tier() == null).count()));
        List<Row> gaps = new ArrayList<>();
        long missing = 0;
        for (ControlMatrix.Row w : matrix.workflows()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < w.cells().size(); i++) {
                ControlMatrix.Cell cell = w.cells().get(i);
                if (cell.required() && !cell.satisfied()) {
                    names.add(matrix.controls().get(i).name());
                }
            }
            missing += names.size();
            if (!names.isEmpty()) {
                gaps.add(new Row(w.name(), List.of(
                        PackFigure.text("risk." + w.key() + ".tier", "Risk tier", w.tier() == null ? "not classified" : w.tier().name()),
                        count("risk." + w.key() + ".missingControls", "Required controls missing", names.size()),
                        PackFigure.text("risk." + w.key() + ".controls", "Controls", String.join(", ", names.subList(0,
                                Math.min(3, names.size()))) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "")))));
            }
        }
        figures.add(count("risk.missingControls", "Required controls not in place", missing));
        figures.addAll(incidentFigures(period));
        String lead = missing == 0 ? "Every required control is in place with current evidence."
                : missing + " required control" + (missing == 1 ? " is" : "s are") + " not in place across " + gaps.size()
                        + " workflow" + (gaps.size() == 1 ? "" : "s") + ".";
        return new Section("risk", "Risk and compliance", lead + " Controls and tiers as when the pack was made; "
                + "incidents over the period.", figures,
                List.of(new Table("control-gaps", "Workflows with required controls missing",
                        List.of("Risk tier", "Missing", "Controls"), gaps)), null);
    }

    private List<PackFigure> incidentFigures(BoardPackPeriod period) {
        Instant from = period.from().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = period.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Incident> all = incidents.find(false, null, INCIDENTS_READ);
        List<Incident> opened = all.stream().filter(i -> !i.openedAt().isBefore(from) && i.openedAt().isBefore(end)).toList();
        List<PackFigure> figures = new ArrayList<>();
        figures.add(count("incidents.opened", "Incidents opened in the period", opened.size()));
        for (Severity severity : Severity.values()) {
            figures.add(count("incidents.opened." + severity.name(), severity.name() + " incidents opened",
                    opened.stream().filter(i -> i.severity() == severity).count()));
        }
        figures.add(count("incidents.serious", "Serious incidents (EU AI Act Art. 73) opened",
                opened.stream().filter(i -> i.seriousKind() != null).count()));
        figures.add(count("incidents.openAtEnd", "Incidents open at the end of the period", all.stream()
                .filter(i -> i.openedAt().isBefore(end) && (i.resolvedAt() == null || !i.resolvedAt().isBefore(end)))
                .count()));
        return figures;
    }

    private static PackFigure count(String key, String label, long n) {
        return new PackFigure(key, label, (double) n, "count", null, null, null);
    }
}
