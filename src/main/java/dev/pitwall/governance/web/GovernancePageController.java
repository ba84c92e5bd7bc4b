package dev.pitwall.governance.web;

import dev.pitwall.governance.Autonomy;
import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.ControlDraft;
import dev.pitwall.governance.ControlLibraryService;
import dev.pitwall.governance.ControlMatrix;
import dev.pitwall.governance.ControlReference;
import dev.pitwall.governance.ControlStatus;
import dev.pitwall.governance.CoverageService;
import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.Framework;
import dev.pitwall.governance.FrameworkCatalogService;
import dev.pitwall.governance.FrameworkCoverage;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.governance.ImplementationUpdate;
import dev.pitwall.governance.NewEvidence;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.governance.policy.EvidenceFilePolicy;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.WorkflowService;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Governance pages: the portfolio heatmap, a workflow's classification and controls, coverage, the library. */
@Controller
class GovernancePageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The frameworks the overview shows and whose coverage a change of a control reports. */
    private static final List<Framework> FRAMEWORKS = List.of(Framework.NIST_AI_RMF, Framework.ISO_42001,
            Framework.EU_AI_ACT);

    private final CoverageService coverage;
    private final ClassificationService classifications;
    private final ImplementationService implementations;
    private final ControlLibraryService library;
    private final FrameworkCatalogService catalogs;
    private final WorkflowService workflows;
    private final UserService users;
    private final PersonService people;

    GovernancePageController(CoverageService coverage, ClassificationService classifications,
            ImplementationService implementations, ControlLibraryService library, FrameworkCatalogService catalogs,
            WorkflowService workflows, UserService users, PersonService people) {
        this.coverage = coverage;
        this.classifications = classifications;
        this.implementations = implementations;
        this.library = library;
        this.catalogs = catalogs;
        this.workflows = workflows;
        this.users = users;
        this.people = people;
    }

    @GetMapping("/governance")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String overview(Model model) {
        CoverageService.Overview overview = coverage.overview(FRAMEWORKS);
        model.addAttribute("matrix", overview.matrix());
        model.addAttribute("chart", JSON.writeValueAsString(chart(overview.matrix())));
        model.addAttribute("frameworks", overview.frameworks());
        return "governance/overview";
    }

    @GetMapping("/governance/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String workflow(@PathVariable String key, Model model) {
        var classification = classifications.current(key).orElse(null);
        model.addAttribute("workflow", workflows.get(key));
        model.addAttribute("classification", classification);
        model.addAttribute("history", classifications.history(key));
        model.addAttribute("controls", implementations.ofWorkflow(key));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("statuses", ControlStatus.values());
        model.addAttribute("autonomies", Autonomy.values());
        model.addAttribute("annexIii", new java.util.TreeSet<>(RiskQuestionnaire.ANNEX_III));
        model.addAttribute("prohibited", new java.util.TreeSet<>(RiskQuestionnaire.PROHIBITED));
        model.addAttribute("acceptedTypes", String.join(",", EvidenceFilePolicy.acceptedTypes()));
        model.addAttribute("questions", questions(classification == null ? null : classification.answers()));
        return "governance/workflow";
    }

    @GetMapping("/governance/workflows/{key}/record")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String record(@PathVariable String key, Model model) {
        workflow(key, model);
        return "governance/record";
    }

    @PostMapping("/governance/workflows/{key}/classification")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String classify(@PathVariable String key, @RequestParam Map<String, String> form,
            @RequestParam(name = "annexIiiUseCases", required = false) List<String> annex,
            @RequestParam(name = "prohibitedPractices", required = false) List<String> prohibited,
            RedirectAttributes redirect) {
        RiskQuestionnaire answers = new RiskQuestionnaire(on(form, "personalData"), on(form, "regulatedData"),
                on(form, "customerFacing"), annex, on(form, "narrowProceduralTask"), on(form, "profiling"),
                form.get("autonomy") == null ? null : Autonomy.valueOf(form.get("autonomy")),
                on(form, "internalDecisionSupport"), on(form, "knowledgeRetrieval"), on(form, "securityOperations"),
                on(form, "syntheticContent"), on(form, "emotionOrBiometric"), prohibited);
        try {
            var result = classifications.classify(key, answers);
            redirect.addFlashAttribute("flashMessage", "Classified as " + result.tier() + " (EU AI Act: "
                    + result.euCategory() + "), version " + result.version() + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/governance/workflows/" + key;
    }

    /**
     * Changes a control and, in the same step, adds the evidence sent with it. The answer says how
     * the frameworks' coverage changed; a refusal brings the form back with what was typed.
     */
    @PostMapping("/governance/workflows/{key}/controls/{control}")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    String updateControl(@PathVariable String key, @PathVariable String control, @RequestParam ControlStatus status,
            @RequestParam(required = false) String ownerEmail,
            @RequestParam(required = false) LocalDate reviewOn,
            @RequestParam(required = false) LocalDate expiresOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidenceTitle, @RequestParam(required = false) String evidenceUrl,
            @RequestParam(required = false) MultipartFile evidenceFile, RedirectAttributes redirect) throws IOException {
        List<FrameworkCoverage> before = coverage.frameworks(FRAMEWORKS);
        try {
            NewEvidence evidence = new NewEvidence(evidenceTitle, evidenceUrl,
                    evidenceFile == null ? null : evidenceFile.getOriginalFilename(),
                    evidenceFile == null ? null : evidenceFile.getContentType(),
                    evidenceFile == null || evidenceFile.isEmpty() ? null : evidenceFile.getBytes());
            var result = implementations.update(key, control, new ImplementationUpdate(status, ownerEmail, reviewOn,
                    expiresOn, note), evidence);
            redirect.addFlashAttribute("flashMessage", "'" + result.controlName() + "' is now " + result.status()
                    + (evidence.present() ? ", with the evidence added" : "") + ". "
                    + CoverageChange.describe(before, coverage.frameworks(FRAMEWORKS)));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            Map<String, String> typed = new java.util.HashMap<>();
            typed.put("control", control);
            typed.put("status", status.name());
            typed.put("ownerEmail", ownerEmail);
            typed.put("reviewOn", reviewOn == null ? null : reviewOn.toString());
            typed.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
            typed.put("note", note);
            typed.put("evidenceTitle", evidenceTitle);
            typed.put("evidenceUrl", evidenceUrl);
            typed.put("evidenceFile", evidenceFile == null || evidenceFile.isEmpty() ? null : evidenceFile.getOriginalFilename());
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/governance/workflows/" + key + "#control-" + control;
    }

    @PostMapping("/governance/workflows/{key}/controls/{control}/evidence")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    String addEvidence(@PathVariable String key, @PathVariable String control,
            @RequestParam(required = false) String title, @RequestParam(required = false) String url,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            if (file != null && !file.isEmpty()) {
                implementations.addFile(key, control, title, file.getOriginalFilename(), file.getContentType(),
                        file.getBytes());
            } else {
                implementations.addLink(key, control, title, url);
            }
            redirect.addFlashAttribute("flashMessage", "Evidence added.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/governance/workflows/" + key + "#control-" + control;
    }

    @PostMapping("/governance/workflows/{key}/evidence/{id}/delete")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    String removeEvidence(@PathVariable String key, @PathVariable long id, @RequestParam String control,
            RedirectAttributes redirect) {
        try {
            implementations.removeEvidence(key, id);
            redirect.addFlashAttribute("flashMessage", "Evidence removed.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/governance/workflows/" + key + "#control-" + control;
    }

    @GetMapping("/governance/frameworks/{framework}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String framework(@PathVariable String framework, Model model) {
        model.addAttribute("coverage", coverage.framework(GovernanceApiController.parseFramework(framework)));
        return "governance/framework";
    }

    @GetMapping("/governance/frameworks/{framework}/report")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String frameworkReport(@PathVariable String framework, Model model) {
        framework(framework, model);
        model.addAttribute("catalogs", catalogs.versions());
        return "governance/framework-report";
    }

    @GetMapping("/governance/controls")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String controls(Model model) {
        model.addAttribute("controls", library.all());
        model.addAttribute("catalogs", catalogs.versions());
        model.addAttribute("tiers", RiskTier.values());
        return "governance/controls";
    }

    @PostMapping("/governance/controls")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String createControl(@RequestParam String key, @RequestParam String name, @RequestParam String description,
            @RequestParam String evidence, @RequestParam(name = "tiers", required = false) List<String> tiers,
            @RequestParam(name = "obligations", required = false) List<String> obligations,
            @RequestParam(defaultValue = "") String references, RedirectAttributes redirect) {
        try {
            var control = library.create(draft(key, name, description, evidence, tiers, obligations, references));
            redirect.addFlashAttribute("flashMessage", "Control '" + control.name() + "' was added.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/governance/controls";
    }

    @PostMapping("/governance/controls/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String updateControl(@PathVariable String key, @RequestParam String name, @RequestParam String description,
            @RequestParam String evidence, @RequestParam(name = "tiers", required = false) List<String> tiers,
            @RequestParam(name = "obligations", required = false) List<String> obligations,
            @RequestParam(defaultValue = "") String references, RedirectAttributes redirect) {
        try {
            var control = library.update(key, draft(key, name, description, evidence, tiers, obligations, references));
            redirect.addFlashAttribute("flashMessage", "Control '" + control.name() + "' is now version "
                    + control.version() + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/governance/controls#" + key;
    }

    /** References come one per line as "FRAMEWORK ref", e.g. "NIST_AI_RMF GOVERN 1.1". */
    private static ControlDraft draft(String key, String name, String description,
            String evidence, List<String> tiers, List<String> obligations, String references) {
        List<ControlReference> refs = new ArrayList<>();
        List<String> lines = references.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\\s+", 2);
            Framework framework;
            try {
                framework = GovernanceApiController.parseFramework(parts[0]);
            } catch (ProblemException e) {
                throw InvalidInputException.ofField("references[" + i + "]",
                        "line " + (i + 1) + " does not start with NIST_AI_RMF, NIST_AI_600_1, ISO_42001 or EU_AI_ACT");
            }
            refs.add(new ControlReference(framework, parts.length > 1 ? parts[1].trim() : ""));
        }
        List<RiskTier> riskTiers = tiers == null ? List.of()
                : tiers.stream().map(RiskTier::valueOf).toList();
        List<EuCategory> euObligations = obligations == null ? List.of()
                : obligations.stream().map(EuCategory::valueOf).toList();
        return new ControlDraft(key, name, description, evidence, riskTiers, euObligations, refs);
    }

    /** The controls the signed-in user owns on workflows, expired evidence first. */
    @GetMapping("/governance/mine")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String mine(Model model) {
        var user = users.get(PitwallPrincipal.current().orElseThrow().userId());
        var person = user.email() == null ? java.util.Optional.<Person>empty()
                : people.findByEmail(user.email());
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("email", user.email());
        model.addAttribute("controls", person.map(p -> implementations.ownedBy(p.id())).orElse(List.of()));
        model.addAttribute("today", LocalDate.now());
        return "governance/mine";
    }

    /** A yes/no question of the risk questionnaire, with the current answer. */
    record Question(String name, String label, boolean checked) {
    }

    private static List<Question> questions(RiskQuestionnaire a) {
        boolean known = a != null;
        return List.of(
                new Question("personalData", "It processes personal data", known && a.personalData()),
                new Question("regulatedData", "It processes special-category, financial, health or otherwise regulated data",
                        known && a.regulatedData()),
                new Question("customerFacing", "It interacts directly with people outside the organization",
                        known && a.customerFacing()),
                new Question("internalDecisionSupport", "It supports internal decisions", known && a.internalDecisionSupport()),
                new Question("knowledgeRetrieval", "It retrieves or summarizes knowledge", known && a.knowledgeRetrieval()),
                new Question("securityOperations", "It takes part in security operations", known && a.securityOperations()),
                new Question("syntheticContent", "It generates content published outside (Art. 50(2), 50(4))",
                        known && a.syntheticContent()),
                new Question("emotionOrBiometric", "It recognizes emotions or categorizes people by biometrics (Art. 50(3))",
                        known && a.emotionOrBiometric()),
                new Question("narrowProceduralTask", "For an Annex III use: it only performs a narrow procedural or "
                        + "preparatory task (Art. 6(3))", known && a.narrowProceduralTask()),
                new Question("profiling", "It profiles natural persons", known && a.profiling()));
    }

    private static boolean on(Map<String, String> form, String name) {
        String value = form.get(name);
        return value != null && (value.equals("true") || value.equals("on"));
    }

    /** The heatmap: x = controls, y = workflows, value = 0 not required, 1 missing … 4 verified, 5 expired/without evidence. */
    private static Map<String, Object> chart(ControlMatrix matrix) {
        List<List<Object>> cells = new ArrayList<>();
        for (int y = 0; y < matrix.workflows().size(); y++) {
            ControlMatrix.Row row = matrix.workflows().get(y);
            for (int x = 0; x < row.cells().size(); x++) {
                ControlMatrix.Cell cell = row.cells().get(x);
                cells.add(List.of(x, y, level(cell), cell.status() == null ? "not required" : cell.status().name()
                        + (cell.required() ? "" : " (not required)") + (cell.gap() != null ? ": " + cell.gap() : "")));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("controls", matrix.controls().stream().map(ControlMatrix.Column::name).toList());
        chart.put("workflows", matrix.workflows().stream()
                .map(r -> r.name() + (r.tier() == null ? " (not classified)" : " · " + r.tier())).toList());
        chart.put("keys", matrix.workflows().stream().map(ControlMatrix.Row::key).toList());
        chart.put("cells", cells);
        return chart;
    }

    static int level(ControlMatrix.Cell cell) {
        if (cell.status() == null) {
            return 0;
        }
        if (cell.required() && !cell.satisfied()) {
            return cell.status().inPlace() ? 5 : cell.status() == ControlStatus.PLANNED ? 2 : 1;
        }
        return switch (cell.status()) {
            case MISSING -> cell.required() ? 1 : 0;
            case PLANNED -> 2;
            case IMPLEMENTED -> 3;
            case VERIFIED -> 4;
        };
    }
}
