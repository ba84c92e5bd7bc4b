package dev.pitwall.portfolio;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.internal.StageChanges;
import dev.pitwall.portfolio.internal.Waivers;
import dev.pitwall.portfolio.internal.Workflows;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves workflows between stages with a dated, audited history, and records waivers. A move to
 * {@code PRODUCTION} is refused ({@link GateFailed}) unless the gate passes or a waiver granted by
 * the accountable owner is valid on the day.
 */
@Service
public class StageService {

    static final String STAGE_ENTITY = "WORKFLOW_STAGE";
    static final String WAIVER_ENTITY = "WAIVER";

    private final WorkflowReader reader;
    private final Workflows workflows;
    private final StageChanges history;
    private final Waivers waivers;
    private final GateService gate;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final PortfolioProperties properties;
    private final Clock clock;
    private final List<StageGuard> guards;

    StageService(WorkflowReader reader, Workflows workflows, StageChanges history, Waivers waivers, GateService gate,
            AuditLog auditLog, InputValidator validator, PortfolioProperties properties, Clock clock,
            List<StageGuard> guards) {
        this.guards = guards;
        this.reader = reader;
        this.workflows = workflows;
        this.history = history;
        this.waivers = waivers;
        this.gate = gate;
        this.auditLog = auditLog;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public StageChange changeStage(String workflowKey, StageChangeRequest request) {
        validator.validate(request);
        Workflow workflow = reader.workflow(workflowKey);
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = request.effectiveOn() == null ? today : request.effectiveOn();
        if (request.stage() == workflow.stage()) {
            throw InvalidInputException.ofField("stage", "the workflow is already in " + workflow.stage());
        }
        if (effective.isAfter(today)) {
            throw InvalidInputException.ofField("effectiveOn", "must not be in the future");
        }
        List<StageChange> past = history.findByWorkflow(workflow.id());
        if (!past.isEmpty() && effective.isBefore(past.get(past.size() - 1).effectiveOn())) {
            throw InvalidInputException.ofField("effectiveOn",
                    "must not be before the last stage change (" + past.get(past.size() - 1).effectiveOn() + ")");
        }
        if (request.stage() == WorkflowStage.PILOT || request.stage() == WorkflowStage.PRODUCTION) {
            for (StageGuard guard : guards) {
                guard.refusal(workflow, request.stage()).ifPresent(reason -> {
                    throw new StageRefused(workflowKey, request.stage(), reason);
                });
            }
        }
        Long waiverId = null;
        if (request.stage() == WorkflowStage.PRODUCTION) {
            GateResult result = gate.evaluate(workflow, today);
            if (!result.passed() && !result.waivable()) {
                throw new GateFailed(result);
            }
            if (!result.passed()) {
                // A move recorded after the fact relies on a waiver valid on the day it took effect.
                Waiver waiver = waivers.findByWorkflow(workflow.id()).stream().filter(w -> w.validOn(effective))
                        .findFirst().orElseThrow(() -> new GateFailed(result));
                waiverId = waiver.id();
            }
        }
        return record(workflow, request.stage(), effective, request.reason(), waiverId);
    }

    /**
     * Records the stage a new workflow starts in: a pilot whose AI went live earlier is recorded
     * from its go-live date, so its later history can be entered in order.
     */
    StageChange recordCreation(Workflow workflow, String reason) {
        LocalDate today = LocalDate.now(clock);
        LocalDate goLive = workflow.aiGoLive();
        boolean earlierPilot = workflow.stage() == WorkflowStage.PILOT && goLive != null && goLive.isBefore(today);
        return write(workflow, null, workflow.stage(), earlierPilot ? goLive : today, reason, null);
    }

    private StageChange record(Workflow workflow, WorkflowStage to, LocalDate effective, String reason, Long waiverId) {
        boolean live = to == WorkflowStage.PILOT || to == WorkflowStage.PRODUCTION;
        LocalDate goLive = workflow.aiGoLive() == null && live ? effective : workflow.aiGoLive();
        workflows.updateStage(workflow.id(), to, goLive, clock.instant());
        return write(workflow, workflow.stage(), to, effective, reason, waiverId);
    }

    private StageChange write(Workflow workflow, WorkflowStage from, WorkflowStage to, LocalDate effective, String reason,
            Long waiverId) {
        long id = history.insert(workflow.id(), from, to, effective, reason, waiverId,
                PitwallPrincipal.currentActorName(), clock.instant());
        StageChange change = history.findByWorkflow(workflow.id()).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow();
        auditLog.append(new AuditRecord(STAGE_ENTITY, workflow.key(),
                from == null ? dev.pitwall.platform.audit.AuditAction.CREATE : dev.pitwall.platform.audit.AuditAction.UPDATE,
                from == null ? null : Map.of("stage", from.name()), change));
        return change;
    }

    @Transactional(readOnly = true)
    public List<StageChange> history(String workflowKey) {
        return history.findByWorkflow(reader.workflow(workflowKey).id());
    }

    /**
     * Records a waiver granted by {@code grantedByPersonId}, who must hold ACCOUNTABLE_OWNER. It
     * covers the checks failing now, and may expire at most {@code pitwall.portfolio.gate.max-waiver-days} ahead.
     */
    @Transactional
    public Waiver recordWaiver(String workflowKey, WaiverRequest request, long grantedByPersonId) {
        validator.validate(request);
        Workflow workflow = reader.workflow(workflowKey);
        LocalDate today = LocalDate.now(clock);
        var owner = reader.details(workflow).decisionRights().stream()
                .filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER).findFirst().orElseThrow();
        if (owner.holder() == null || !owner.holder().active()) {
            throw new NotAccountableOwner("'" + workflowKey + "' has no active accountable owner, so nobody can grant a waiver.");
        }
        if (owner.holder().id() != grantedByPersonId) {
            throw new NotAccountableOwner("Only " + owner.holder().name() + ", the accountable owner of '" + workflowKey
                    + "', can grant a waiver.");
        }
        LocalDate grantedOn = request.grantedOn() == null ? today : request.grantedOn();
        if (grantedOn.isAfter(today)) {
            throw InvalidInputException.ofField("grantedOn", "must not be in the future");
        }
        if (!request.expiresOn().isAfter(today)) {
            throw InvalidInputException.ofField("expiresOn", "must be after today");
        }
        int maxDays = properties.gate().maxWaiverDays();
        if (request.expiresOn().isAfter(grantedOn.plusDays(maxDays))) {
            throw InvalidInputException.ofField("expiresOn", "must be at most " + maxDays + " days after the grant");
        }
        GateResult result = gate.evaluate(workflow, today);
        if (result.passed()) {
            throw new ConflictException("GATE_PASSES", "Every gate check of '" + workflowKey + "' passes; there is nothing to waive.");
        }
        if (!result.waivable()) {
            throw new ConflictException("GATE_NOT_WAIVABLE", "A failing gate check of '" + workflowKey
                    + "' blocks it outright; no waiver can cover it: " + result.failed().stream()
                            .filter(c -> !c.waivable()).flatMap(c -> c.reasons().stream()).toList());
        }
        Waiver draft = new Waiver(0, workflowKey, grantedByPersonId, owner.holder().name(), request.reason().trim(),
                result.failed().stream().map(GateResult.CheckOutcome::id).toList(), grantedOn, request.expiresOn(),
                PitwallPrincipal.currentActorName());
        long id = waivers.insert(workflow.id(), draft, clock.instant());
        Waiver waiver = waivers.findById(id).orElseThrow();
        auditLog.append(AuditRecord.created(WAIVER_ENTITY, id, waiver));
        return waiver;
    }

    @Transactional(readOnly = true)
    public List<Waiver> waivers(String workflowKey) {
        return waivers.findByWorkflow(reader.workflow(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public List<Waiver> allWaivers() {
        return waivers.findAll();
    }
}
