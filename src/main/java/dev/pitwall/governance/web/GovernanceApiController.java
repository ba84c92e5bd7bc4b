package dev.pitwall.governance.web;

import dev.pitwall.governance.CatalogVersion;
import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.Control;
import dev.pitwall.governance.ControlDraft;
import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlLibraryService;
import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.CrosswalkEntry;
import dev.pitwall.governance.Evidence;
import dev.pitwall.governance.EvidenceFile;
import dev.pitwall.governance.Framework;
import dev.pitwall.governance.FrameworkCatalogService;
import dev.pitwall.governance.FrameworkCoverage;
import dev.pitwall.governance.FrameworkItem;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.governance.ImplementationUpdate;
import dev.pitwall.governance.RiskClassification;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Governance", description = "Risk classification, the control library and its framework mappings, "
        + "controls and evidence per workflow, and coverage")
class GovernanceApiController {

    private final FrameworkCatalogService catalogs;
    private final ControlLibraryService library;
    private final ClassificationService classifications;
    private final ImplementationService implementations;
    private final CoverageService coverage;

    GovernanceApiController(FrameworkCatalogService catalogs, ControlLibraryService library,
            ClassificationService classifications, ImplementationService implementations, CoverageService coverage) {
        this.catalogs = catalogs;
        this.library = library;
        this.classifications = classifications;
        this.implementations = implementations;
        this.coverage = coverage;
    }

    @GetMapping("/api/v1/governance/catalogs")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The loaded framework catalogs with their versions and SHA-256")
    List<CatalogVersion> catalogs() {
        return catalogs.versions();
    }

    @GetMapping("/api/v1/governance/frameworks/{framework}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A framework catalog's entries", description = "NIST_AI_RMF, NIST_AI_600_1, ISO_42001 or EU_AI_ACT.")
    List<FrameworkItem> framework(@PathVariable String framework) {
        return catalogs.items(parseFramework(framework));
    }

    @GetMapping("/api/v1/governance/crosswalk")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The NIST AI RMF to ISO/IEC 42001 crosswalk")
    List<CrosswalkEntry> crosswalk() {
        return catalogs.crosswalk();
    }

    @GetMapping("/api/v1/governance/controls")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The control library")
    List<Control> controls() {
        return library.all();
    }

    @GetMapping("/api/v1/governance/controls/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    Control control(@PathVariable String key) {
        return library.get(key);
    }

    @GetMapping("/api/v1/governance/controls/{key}/versions")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Every version of a control, newest first")
    List<Map<String, Object>> controlVersions(@PathVariable String key) {
        return library.versions(key);
    }

    @PostMapping("/api/v1/governance/controls")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a control of the organization's own")
    Control createControl(@RequestBody ControlDraft draft) {
        return library.create(draft);
    }

    @PutMapping("/api/v1/governance/controls/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Edit a control", description = "Makes a new version; the key cannot change.")
    Control updateControl(@PathVariable String key, @RequestBody ControlDraft draft) {
        return library.update(key, draft);
    }

    @PostMapping("/api/v1/governance/risk-preview")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "What the risk policy makes of a questionnaire, without recording it")
    RiskClassification preview(@RequestBody RiskQuestionnaire answers) {
        return classifications.preview(answers);
    }

    @GetMapping("/api/v1/workflows/{key}/risk-classification")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's current risk classification", description = "404 when it was never classified.")
    WorkflowClassification classification(@PathVariable String key) {
        return classifications.current(key).orElseThrow(() -> new NotClassified(key));
    }

    @GetMapping("/api/v1/workflows/{key}/risk-classification/history")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    List<WorkflowClassification> classificationHistory(@PathVariable String key) {
        return classifications.history(key);
    }

    @PutMapping("/api/v1/workflows/{key}/risk-classification")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Classify a workflow", description = "Answers the risk questionnaire; makes a new version.")
    WorkflowClassification classify(@PathVariable String key, @RequestBody RiskQuestionnaire answers) {
        return classifications.classify(key, answers);
    }

    @GetMapping("/api/v1/workflows/{key}/controls")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's controls", description = "Those its tier requires, then others it recorded.")
    List<ControlImplementation> workflowControls(@PathVariable String key) {
        return implementations.ofWorkflow(key);
    }

    @PutMapping("/api/v1/workflows/{key}/controls/{control}")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @Operation(summary = "Set a control's status, owner, review date and expiry on a workflow",
            description = "IMPLEMENTED and VERIFIED need evidence first.")
    ControlImplementation updateControl(@PathVariable String key, @PathVariable String control,
            @RequestBody ImplementationUpdate update) {
        return implementations.update(key, control, update);
    }

    /** A link as evidence. */
    record LinkEvidence(String title, String url) {
    }

    @PostMapping(path = "/api/v1/workflows/{key}/controls/{control}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a link as evidence")
    Evidence addLink(@PathVariable String key, @PathVariable String control, @RequestBody LinkEvidence link) {
        return implementations.addLink(key, control, link.title(), link.url());
    }

    @PostMapping(path = "/api/v1/workflows/{key}/controls/{control}/evidence",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file as evidence", description = "Part 'file'; optional 'title'. PDF, PNG, JPEG, "
            + "Office documents, text, CSV, Markdown or JSON, checked against their content; at most "
            + "pitwall.governance.evidence-max-bytes (413 above, 415 for other types).")
    Evidence addFile(@PathVariable String key, @PathVariable String control, @RequestParam("file") MultipartFile file,
            @RequestParam(value = "title", required = false) String title) {
        try {
            return implementations.addFile(key, control, title, file.getOriginalFilename(), file.getContentType(),
                    file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/workflows/{key}/evidence/{id}/content")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Download an evidence file", description = "As uploaded, with its SHA-256 in Repr-Digest.")
    ResponseEntity<byte[]> download(@PathVariable String key, @PathVariable long id) {
        EvidenceFile file = implementations.file(key, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + file.sha256() + "\"")
                .body(file.content());
    }

    @DeleteMapping("/api/v1/workflows/{key}/evidence/{id}")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeEvidence(@PathVariable String key, @PathVariable long id) {
        implementations.removeEvidence(key, id);
    }

    @GetMapping("/api/v1/governance/coverage/{framework}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A framework's coverage by implemented controls across the portfolio, with the gaps")
    FrameworkCoverage coverage(@PathVariable String framework) {
        return coverage.framework(parseFramework(framework));
    }

    @GetMapping("/api/v1/governance/matrix")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Workflows × controls with each control's status")
    ControlMatrix matrix() {
        return coverage.matrix();
    }

    static Framework parseFramework(String name) {
        try {
            return Framework.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("framework", "is one of NIST_AI_RMF, NIST_AI_600_1, ISO_42001, EU_AI_ACT");
        }
    }

    /** The workflow has no risk classification yet. */
    static class NotClassified extends dev.pitwall.platform.web.NotFoundException {
        NotClassified(String key) {
            super("NOT_CLASSIFIED", "Risk classification of workflow", key);
        }
    }
}
