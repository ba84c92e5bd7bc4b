package dev.pitwall.governance;

import dev.pitwall.governance.internal.Classifications;
import dev.pitwall.governance.internal.Controls;
import dev.pitwall.governance.internal.FrameworkCatalogs;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coverage of the frameworks by implemented controls, and the workflows × controls heatmap. */
@Service
public class CoverageService {

    /** The EU AI Act entries a deployer answers for. */
    static final Set<String> EU_DEPLOYER_KINDS = Set.of("deployer_obligation", "ai_literacy", "transparency_obligation");

    private final FrameworkCatalogs catalogs;
    private final Controls controls;
    private final Classifications classifications;
    private final ImplementationService implementations;
    private final WorkflowService workflows;
    private final Clock clock;

    CoverageService(FrameworkCatalogs catalogs, Controls controls, Classifications classifications,
            ImplementationService implementations, WorkflowService workflows, Clock clock) {
        this.catalogs = catalogs;
        this.controls = controls;
        this.classifications = classifications;
        this.implementations = implementations;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FrameworkCoverage framework(Framework framework) {
        LocalDate today = LocalDate.now(clock);
        List<Control> library = controls.findAll();
        List<Workflow> all = workflows.find(null, null);
        Map<Long, List<ControlImplementation>> byWorkflow = implementations.of(all);
        List<FrameworkItem> items = catalogs.items(framework).stream()
                .filter(i -> framework != Framework.EU_AI_ACT || EU_DEPLOYER_KINDS.contains(i.kind())).toList();
        Map<CoverageStatus, Integer> counts = new EnumMap<>(CoverageStatus.class);
        List<FrameworkCoverage.Item> result = new ArrayList<>();
        for (FrameworkItem item : items) {
            List<String> mapped = library.stream()
                    .filter(c -> c.references().contains(new ControlReference(framework, item.ref())))
                    .map(Control::key).toList();
            List<String> covered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Workflow w : all) {
                List<ControlImplementation> relevant = byWorkflow.getOrDefault(w.id(), List.of()).stream()
                        .filter(i -> mapped.contains(i.controlKey())).toList();
                boolean needed = relevant.stream().anyMatch(ControlImplementation::required);
                boolean inPlace = relevant.stream().anyMatch(i -> i.satisfiedOn(today));
                if (inPlace) {
                    covered.add(w.key());
                } else if (needed) {
                    missing.add(w.key());
                }
            }
            CoverageStatus status = mapped.isEmpty() ? CoverageStatus.UNMAPPED
                    : covered.isEmpty() && missing.isEmpty() ? CoverageStatus.NOT_REQUIRED
                    : missing.isEmpty() ? CoverageStatus.COVERED
                    : covered.isEmpty() ? CoverageStatus.GAP : CoverageStatus.PARTIAL;
            counts.merge(status, 1, Integer::sum);
            result.add(new FrameworkCoverage.Item(item, status, mapped, covered, missing));
        }
        return new FrameworkCoverage(framework, today, counts, result);
    }

    @Transactional(readOnly = true)
    public ControlMatrix matrix() {
        LocalDate today = LocalDate.now(clock);
        List<Control> library = controls.findAll();
        List<Workflow> all = workflows.find(null, null);
        Map<Long, WorkflowClassification> classified = classifications.allCurrent();
        Map<Long, List<ControlImplementation>> byWorkflow = implementations.of(all);
        List<ControlMatrix.Column> columns = library.stream().map(c -> new ControlMatrix.Column(c.key(), c.name())).toList();
        List<ControlMatrix.Row> rows = new ArrayList<>();
        for (Workflow w : all) {
            Map<String, ControlImplementation> cells = new java.util.HashMap<>();
            byWorkflow.getOrDefault(w.id(), List.of()).forEach(i -> cells.put(i.controlKey(), i));
            List<ControlMatrix.Cell> row = new ArrayList<>();
            for (Control c : library) {
                ControlImplementation i = cells.get(c.key());
                row.add(i == null ? new ControlMatrix.Cell(false, null, false, null)
                        : new ControlMatrix.Cell(i.required(), i.status(), i.satisfiedOn(today),
                                i.required() ? i.gapOn(today) : null));
            }
            WorkflowClassification c = classified.get(w.id());
            rows.add(new ControlMatrix.Row(w.key(), w.name(), w.stage().name(), c == null ? null : c.tier(),
                    c == null ? null : c.euCategory(), row));
        }
        return new ControlMatrix(today, columns, rows);
    }
}
