package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.AppliedWorkflow;
import dev.pitwall.portfolio.DataAssessmentRequest;
import dev.pitwall.portfolio.DataReadinessService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.DecisionRightsService;
import dev.pitwall.portfolio.Friction;
import dev.pitwall.portfolio.FrictionService;
import dev.pitwall.portfolio.GateResult;
import dev.pitwall.portfolio.GateService;
import dev.pitwall.portfolio.StageChange;
import dev.pitwall.portfolio.StageChangeRequest;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.Waiver;
import dev.pitwall.portfolio.WaiverRequest;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDefinition;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workflows", description = "Workflows, their operating model, decision rights, data readiness and the gate")
class WorkflowApiController {

    private final WorkflowService workflows;
    private final DecisionRightsService rights;
    private final GateService gate;
    private final StageService stages;
    private final DataReadinessService data;
    private final FrictionService friction;
    private final CurrentPerson currentPerson;

    WorkflowApiController(WorkflowService workflows, DecisionRightsService rights, GateService gate, StageService stages,
            DataReadinessService data, FrictionService friction, CurrentPerson currentPerson) {
        this.workflows = workflows;
        this.rights = rights;
        this.gate = gate;
        this.stages = stages;
        this.data = data;
        this.friction = friction;
        this.currentPerson = currentPerson;
    }

    @GetMapping("/workflows")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "List workflows", description = "Filter by stage and initiative id.")
    List<Workflow> list(@RequestParam(required = false) WorkflowStage stage,
            @RequestParam(required = false) Long initiative) {
        return workflows.find(stage, initiative);
    }

    @PostMapping("/workflows")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Create a workflow from its definition", description = "409 WORKFLOW_KEY_TAKEN when the key "
            + "exists. Every problem of the definition is listed in `errors` with its field.")
    ResponseEntity<AppliedWorkflow> create(@RequestBody WorkflowDefinition definition) {
        AppliedWorkflow created = workflows.create(definition);
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + created.key())).body(created);
    }

    @GetMapping("/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow with all its parts", description = "Steps, AI systems, intended users, roles, "
            + "decision rights and data sources with their latest readiness.")
    WorkflowDetails details(@PathVariable String key) {
        return workflows.details(key);
    }

    @GetMapping("/workflows/{key}/definition")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's operating model", description = "People by email, names for teams, initiatives "
            + "and skills, keys for AI systems: the body PUT accepts, and the spec of the YAML export.")
    WorkflowDefinition definition(@PathVariable String key) {
        return workflows.definition(key);
    }

    @PutMapping("/workflows/{key}/definition")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Replace a workflow's operating model", description = "Creates the workflow when the key is "
            + "new. Lists are replaced; stage and aiGoLive, when left out, keep their values. A stage change to "
            + "PRODUCTION passes the gate. Returns the fields that changed.")
    AppliedWorkflow replace(@PathVariable String key, @RequestBody WorkflowDefinition definition) {
        WorkflowDefinition keyed = new WorkflowDefinition(key, definition.name(), definition.description(),
                definition.initiative(), definition.stage(), definition.aiGoLive(), definition.systems(),
                definition.steps(), definition.decisionRights(), definition.roles(), definition.intendedUsers(),
                definition.dataSources());
        return workflows.apply(keyed, UnaryOperator.identity(), "changed through the API");
    }

    @GetMapping("/workflows/{key}/decision-rights")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Decision-rights completeness", description = "All nine rights and the gaps: rights held by "
            + "nobody or by someone no longer active.")
    DecisionRightsService.Report decisionRights(@PathVariable String key) {
        return rights.report(key);
    }

    /** Who holds a right: a person ({@code holder}, an email), a role of the workflow ({@code role}), or nobody. */
    record RightAssignment(String holder, String role, String note) {
    }

    @PutMapping("/workflows/{key}/decision-rights/{right}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Assign a decision right", description = "`holder` is a person's email, or `role` the name of "
            + "one of the workflow's roles, whose active members then share the right (e.g. one review queue); both null "
            + "for nobody. ACCOUNTABLE_OWNER is always one person.")
    WorkflowDetails.RightHolding assign(@PathVariable String key, @PathVariable DecisionRight right,
            @RequestBody RightAssignment assignment) {
        boolean person = assignment.holder() != null && !assignment.holder().isBlank();
        boolean role = assignment.role() != null && !assignment.role().isBlank();
        if (person && role) {
            throw dev.pitwall.platform.web.InvalidInputException.ofField("role", "give a person (holder) or a role, not both");
        }
        dev.pitwall.platform.web.TextPolicy.require("role", assignment.role());
        return workflows.assignRight(key, right, role ? "role:" + assignment.role().trim() : assignment.holder(),
                assignment.note());
    }

    @GetMapping("/decision-rights")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The workflows × decision rights matrix of the portfolio")
    DecisionRightsService.Matrix matrix() {
        return rights.matrix();
    }

    @GetMapping("/workflows/{key}/gate")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The pilot → production gate", description = "Every check with pass or fail and its reasons, "
            + "the waiver valid today, and whether promotion would be accepted.")
    GateResult gate(@PathVariable String key) {
        return gate.evaluate(key);
    }

    @PostMapping("/workflows/{key}/stage")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Move a workflow to another stage", description = "A move to PRODUCTION answers 409 "
            + "GATE_FAILED, listing each failed check in `errors`, unless the gate passes or a waiver is valid.")
    ResponseEntity<StageChange> changeStage(@PathVariable String key, @RequestBody StageChangeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stages.changeStage(key, request));
    }

    @GetMapping("/workflows/{key}/stage-history")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's dated stage history")
    List<StageChange> history(@PathVariable String key) {
        return stages.history(key);
    }

    @GetMapping("/workflows/{key}/waivers")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's waivers, newest first")
    List<Waiver> waivers(@PathVariable String key) {
        return stages.waivers(key);
    }

    @PostMapping("/workflows/{key}/waivers")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Grant a waiver", description = "Only the accountable owner can (the signed-in user's email "
            + "names the person): 403 NOT_ACCOUNTABLE_OWNER otherwise. It covers the checks failing now.")
    ResponseEntity<Waiver> grantWaiver(@PathVariable String key, @RequestBody WaiverRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(stages.recordWaiver(key, request,
                currentPerson.require().id()));
    }

    @GetMapping("/waivers")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Every waiver of the portfolio, newest first")
    List<Waiver> allWaivers() {
        return stages.allWaivers();
    }

    @GetMapping("/workflows/{key}/friction")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's friction", description = "Manual handoffs + manual data-assembly steps + unheld "
            + "decision rights (+ a missing baseline, once measurement contributes it).")
    Friction friction(@PathVariable String key) {
        return friction.friction(key);
    }

    @GetMapping("/workflows/{key}/data-sources")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's data sources with their latest readiness")
    List<WorkflowDetails.DataSource> dataSources(@PathVariable String key) {
        return data.sources(key);
    }

    @GetMapping("/data-sources/{id}/assessments")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A data source's readiness history, newest first")
    List<WorkflowDetails.DataAssessment> assessments(@PathVariable long id) {
        return data.history(id);
    }

    @PostMapping("/data-sources/{id}/assessments")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Assess a data source", description = "Freshness, quality, access and governance, 0–4 each.")
    ResponseEntity<WorkflowDetails.DataAssessment> assess(@PathVariable long id,
            @RequestBody DataAssessmentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(data.assess(id, request));
    }
}
