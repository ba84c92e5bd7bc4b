package dev.pitwall.governance.web;

import dev.pitwall.platform.csv.CsvExport;
import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.Evidence;
import dev.pitwall.governance.FrameworkCoverage;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.platform.security.Permission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** CSV exports of governance: a workflow's record, a framework's coverage and the heatmap (Commons CSV). */
@RestController
class GovernanceCsvController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ClassificationService classifications;
    private final ImplementationService implementations;
    private final CoverageService coverage;

    GovernanceCsvController(ClassificationService classifications, ImplementationService implementations,
            CoverageService coverage) {
        this.classifications = classifications;
        this.implementations = implementations;
        this.coverage = coverage;
    }

    @GetMapping("/governance/workflows/{key}/record.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> record(@PathVariable String key) {
        var classification = classifications.current(key);
        LocalDate today = LocalDate.now();
        List<List<Object>> rows = new ArrayList<>();
        for (ControlImplementation c : implementations.ofWorkflow(key)) {
            rows.add(List.of(key, classification.map(x -> x.tier().name()).orElse(""),
                    classification.map(x -> x.euCategory().name()).orElse(""), c.controlKey(), c.controlName(),
                    c.required(), c.status(), c.satisfiedOn(today), nullToEmpty(c.gapOn(today)), nullToEmpty(c.ownerName()),
                    nullToEmpty(c.reviewOn()), nullToEmpty(c.expiresOn()),
                    c.evidence().stream().map(GovernanceCsvController::evidence).collect(Collectors.joining(" | "))));
        }
        return csv(key + "-governance-" + today + ".csv", List.of("workflow", "tier", "euCategory", "control", "name",
                "required", "status", "inPlace", "gap", "owner", "reviewOn", "expiresOn", "evidence"), rows);
    }

    @GetMapping("/governance/frameworks/{framework}/coverage.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> coverage(@PathVariable String framework) {
        FrameworkCoverage result = coverage.framework(GovernanceApiController.parseFramework(framework));
        List<List<Object>> rows = new ArrayList<>();
        for (FrameworkCoverage.Item i : result.items()) {
            rows.add(List.of(i.item().ref(), i.item().kind(), i.item().title(), i.status(), String.join(" ", i.controls()),
                    String.join(" ", i.covered()), String.join(" ", i.missing())));
        }
        return csv(result.framework().name().toLowerCase(java.util.Locale.ROOT) + "-coverage-" + result.asOf() + ".csv",
                List.of("ref", "kind", "title", "status", "controls", "coveredIn", "missingIn"), rows);
    }

    @GetMapping("/governance/matrix.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> matrix() {
        ControlMatrix matrix = coverage.matrix();
        List<Object> header = new ArrayList<>(List.of("workflow", "name", "stage", "tier", "euCategory"));
        matrix.controls().forEach(c -> header.add(c.key()));
        List<List<Object>> rows = new ArrayList<>();
        for (ControlMatrix.Row r : matrix.workflows()) {
            List<Object> row = new ArrayList<>(List.of(r.key(), r.name(), r.stage(), nullToEmpty(r.tier()),
                    nullToEmpty(r.euCategory())));
            r.cells().forEach(c -> row.add(c.status() == null ? "" : c.status() + (c.required() ? "" : " (not required)")));
            rows.add(row);
        }
        return csv("governance-matrix-" + matrix.asOf() + ".csv", header, rows);
    }

    private static String evidence(Evidence e) {
        return switch (e.kind()) {
            case "LINK" -> e.title() + " <" + e.url() + ">";
            case dev.pitwall.governance.GeneratedEvidenceSource.KIND -> e.title() + " (generated from " + e.url() + ")";
            default -> e.title() + " [" + e.fileName() + ", sha256 " + e.sha256() + "]";
        };
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static ResponseEntity<String> csv(String fileName, List<?> header, List<List<Object>> rows) {
        try (CsvExport file = CsvExport.create()) {
            file.row(header);
            rows.forEach(file::row);
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                            .toString())
                    .body(file.text());
        }
    }
}
