package dev.pitwall.governance;

import dev.pitwall.governance.internal.Classifications;
import dev.pitwall.governance.internal.Controls;
import dev.pitwall.governance.internal.FrameworkCatalogs;
import dev.pitwall.governance.internal.ImplementationReader;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final ImplementationReader implementations;
    private final WorkflowService workflows;
    private final Clock clock;

    CoverageService(FrameworkCatalogs catalogs, Controls controls, Classifications classifications,
            ImplementationReader implementations, WorkflowService workflows, Clock clock) {
        this.catalogs = catalogs;
        this.controls = controls;
        this.classifications = classifications;
        this.implementations = implementations;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** The portfolio's governance state, read once for several views of it. */
    private record Portfolio(LocalDate today, List<Control> library, List<Workflow> workflows,
            Map<Long, WorkflowClassification> classified, Map<Long, List<ControlImplementation>> implementations) {
    }

    private Portfolio portfolio() {
        List<Workflow> all = workflows.find(null, null);
        return new Portfolio(LocalDate.now(clock), controls.findAll(), all,
                classifications.currentOf(all.stream().map(Workflow::id).toList()), implementations.of(all));
    }

    @Transactional(readOnly = true)
    public FrameworkCoverage framework(Framework framework) {
        return framework(framework, portfolio());
    }

    @Transactional(readOnly = true)
    public ControlMatrix matrix() {
        return matrix(portfolio());
    }

    /** The heatmap and the coverage of these frameworks, from one read of the portfolio. */
    @Transactional(readOnly = true)
    public Overview overview(List<Framework> frameworks) {
        Portfolio portfolio = portfolio();
        return new Overview(matrix(portfolio), frameworks.stream().map(f -> framework(f, portfolio)).toList());
    }

    /** The coverage of these frameworks, from one read of the portfolio, without the heatmap. */
    @Transactional(readOnly = true)
    public List<FrameworkCoverage> frameworks(List<Framework> frameworks) {
        Portfolio portfolio = portfolio();
        return frameworks.stream().map(f -> framework(f, portfolio)).toList();
    }

    /** What the governance overview shows. */
    public record Overview(ControlMatrix matrix, List<FrameworkCoverage> frameworks) {
    }

    private FrameworkCoverage framework(Framework framework, Portfolio portfolio) {
        List<FrameworkItem> items = catalogs.items(framework).stream()
                .filter(i -> framework != Framework.EU_AI_ACT || EU_DEPLOYER_KINDS.contains(i.kind())).toList();
        Map<CoverageStatus, Integer> counts = new EnumMap<>(CoverageStatus.class);
        List<FrameworkCoverage.Item> result = new ArrayList<>();
        for (FrameworkItem item : items) {
            ControlReference reference = new ControlReference(framework, item.ref());
            List<String> mapped = portfolio.library().stream().filter(c -> c.references().contains(reference))
                    .map(Control::key).toList();
            List<String> covered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Workflow w : portfolio.workflows()) {
                List<ControlImplementation> relevant = portfolio.implementations().getOrDefault(w.id(), List.of())
                        .stream().filter(i -> mapped.contains(i.controlKey())).toList();
                if (relevant.stream().anyMatch(i -> i.satisfiedOn(portfolio.today()))) {
                    covered.add(w.key());
                } else if (relevant.stream().anyMatch(ControlImplementation::required)) {
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
        return new FrameworkCoverage(framework, portfolio.today(), counts, result);
    }

    private static ControlMatrix matrix(Portfolio portfolio) {
        LocalDate today = portfolio.today();
        List<ControlMatrix.Column> columns = portfolio.library().stream()
                .map(c -> new ControlMatrix.Column(c.key(), c.name())).toList();
        List<ControlMatrix.Row> rows = new ArrayList<>();
        for (Workflow w : portfolio.workflows()) {
            Map<String, ControlImplementation> byControl = new HashMap<>();
            portfolio.implementations().getOrDefault(w.id(), List.of()).forEach(i -> byControl.put(i.controlKey(), i));
            List<ControlMatrix.Cell> cells = new ArrayList<>();
            for (Control c : portfolio.library()) {
                ControlImplementation i = byControl.get(c.key());
                cells.add(i == null ? new ControlMatrix.Cell(false, null, false, null, null)
                        : new ControlMatrix.Cell(i.required(), i.status(), i.satisfiedOn(today),
                                i.required() ? i.gapOn(today) : null, i.expiresOn()));
            }
            WorkflowClassification c = portfolio.classified().get(w.id());
            rows.add(new ControlMatrix.Row(w.key(), w.name(), w.stage().name(), c == null ? null : c.tier(),
                    c == null ? null : c.euCategory(), cells));
        }
        return new ControlMatrix(today, columns, rows);
    }
}
