package dev.pitwall.operations;

import dev.pitwall.operations.internal.Incidents;
import dev.pitwall.operations.internal.Lifecycles;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.portfolio.GateResult;
import dev.pitwall.portfolio.GateService;
import dev.pitwall.portfolio.StageChangeRequest;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What incidents do to workflows in production: each workflow's policy for SEV1 incidents (and a
 * monitor's own action for the incidents it opens) demotes it to PILOT, puts its fallback in force,
 * or only notifies. A demoted workflow returns through the gate once the incident is resolved
 * (the promotion is refused before); fallback mode ends by reinstatement under the same conditions.
 * Every step is on the incident's timeline and in the audit log.
 */
@Service
@Transactional
public class LifecycleService {

    private static final String ENTITY = "lifecycle";

    private final Lifecycles lifecycles;
    private final Incidents incidents;
    private final WorkflowService workflows;
    private final StageService stages;
    private final GateService gate;
    private final FallbackService fallbacks;
    private final AuditLog auditLog;
    private final Clock clock;
    private final dev.pitwall.operations.internal.Notifier notifier;

    LifecycleService(Lifecycles lifecycles, Incidents incidents, WorkflowService workflows, StageService stages,
            GateService gate, FallbackService fallbacks, AuditLog auditLog, Clock clock,
            dev.pitwall.operations.internal.Notifier notifier) {
        this.notifier = notifier;
        this.lifecycles = lifecycles;
        this.incidents = incidents;
        this.workflows = workflows;
        this.stages = stages;
        this.gate = gate;
        this.fallbacks = fallbacks;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LifecyclePolicy policy(String workflowKey) {
        Workflow workflow = workflows.get(workflowKey);
        return lifecycles.find(workflow.id()).orElse(new LifecyclePolicy(workflowKey, LifecycleAction.NOTIFY, null, null,
                null, null, null));
    }

    /** Sets what a SEV1 incident does to the workflow while it is in production. */
    public LifecyclePolicy setPolicy(String workflowKey, LifecycleAction onSev1) {
        if (onSev1 == null) {
            throw dev.pitwall.platform.web.InvalidInputException.ofField("onSev1", "choose DEMOTE, FALLBACK or NOTIFY");
        }
        Workflow workflow = workflows.get(workflowKey);
        LifecyclePolicy before = policy(workflowKey);
        lifecycles.setPolicy(workflow.id(), onSev1, PitwallPrincipal.currentActorName(), clock.instant());
        LifecyclePolicy after = policy(workflowKey);
        auditLog.append(AuditRecord.updated(ENTITY, workflowKey, before, after));
        return after;
    }

    /**
     * Applies the policy to a newly opened incident: the monitor's own action if it names one, else
     * the workflow's policy when the incident is SEV1. Only a workflow in production is acted on.
     */
    void opened(Incident incident, LifecycleAction monitorAction) {
        if (incident.workflowKey() == null) {
            return;
        }
        Workflow workflow = workflows.get(incident.workflowKey());
        if (workflow.stage() != WorkflowStage.PRODUCTION) {
            return;
        }
        LifecycleAction action = monitorAction != null ? monitorAction
                : incident.severity() == Severity.SEV1 ? policy(workflow.key()).onSev1() : null;
        if (action == null) {
            return;
        }
        String actor = PitwallPrincipal.currentActorName();
        Instant now = clock.instant();
        lifecycles.ensure(workflow.id(), actor, now);
        LifecyclePolicy before = policy(workflow.key());
        switch (action) {
            case DEMOTE -> {
                stages.changeStage(workflow.key(), new StageChangeRequest(WorkflowStage.PILOT, null,
                        "Incident " + incident.id() + " (" + incident.severity() + "): demoted by its lifecycle policy"));
                lifecycles.demoted(workflow.id(), incident.id());
                incidents.addEntry(incident.id(), TimelineKind.LIFECYCLE, actor, null, "Demoted to PILOT by the lifecycle "
                        + "policy; it returns to production through the gate once this incident is resolved", now);
                notify(workflow, NotificationEvent.WORKFLOW_DEMOTED, null, incident, workflow.name() + " demoted to PILOT",
                        "Incident " + incident.id() + " (" + incident.severity() + ", " + incident.title() + ") demoted it "
                                + "by its lifecycle policy; it returns to production through the gate once resolved.");
            }
            case FALLBACK -> {
                lifecycles.fallback(workflow.id(), incident.id(), now);
                String procedure = fallbacks.find(workflow.key()).map(Fallback::procedure)
                        .map(p -> "the declared fallback is in force: " + p)
                        .orElse("no fallback is declared, so nothing says how the work goes on: declare one");
                incidents.addEntry(incident.id(), TimelineKind.LIFECYCLE, actor, null, "Fallback mode by the lifecycle "
                        + "policy: the AI must stop acting; " + procedure, now);
                notify(workflow, NotificationEvent.FALLBACK_ENTERED, "STOP", incident, workflow.name()
                        + " is in fallback mode: its AI must stop acting", "Incident " + incident.id() + " ("
                        + incident.severity() + ", " + incident.title() + ") put it in fallback mode; " + procedure + ".");
            }
            case NOTIFY -> incidents.addEntry(incident.id(), TimelineKind.LIFECYCLE, actor, null,
                    "Lifecycle policy: notify only; the workflow stays in production", now);
        }
        auditLog.append(AuditRecord.updated(ENTITY, workflow.key(), before, policy(workflow.key())));
    }

    /**
     * Ends fallback mode: only after the incident that caused it is resolved and while the gate
     * passes (or a waiver of the accountable owner is valid).
     */
    public LifecyclePolicy reinstate(String workflowKey) {
        Workflow workflow = workflows.get(workflowKey);
        LifecyclePolicy before = policy(workflowKey);
        if (!before.inFallback()) {
            throw new ConflictException("NOT_IN_FALLBACK", "The workflow " + workflowKey + " is not in fallback mode.");
        }
        Incident incident = incidents.findById(before.fallbackIncidentId()).orElseThrow();
        if (incident.status() != IncidentStatus.RESOLVED) {
            throw new ConflictException("INCIDENT_NOT_RESOLVED", "Incident " + incident.id() + " put the workflow in "
                    + "fallback mode and is " + incident.status() + "; resolve it first.");
        }
        GateResult result = gate.evaluate(workflowKey);
        boolean waived = !result.passed() && result.waivable() && result.activeWaiver() != null;
        if (!result.passed() && !waived) {
            throw new ConflictException("GATE_FAILED", "The gate does not pass, so the workflow stays in fallback mode: "
                    + String.join(" ", result.checks().stream().filter(c -> !c.passed())
                            .flatMap(c -> c.reasons().stream()).toList()));
        }
        lifecycles.fallback(workflow.id(), null, null);
        notify(workflow, NotificationEvent.FALLBACK_ENDED, "RESUME", incident, workflow.name()
                + " left fallback mode: its AI may act again", "Reinstated by " + PitwallPrincipal.currentActorName()
                + " after incident " + incident.id() + " was resolved" + (waived ? " (the gate passes on a waiver)." : "."));
        incidents.addEntry(incident.id(), TimelineKind.LIFECYCLE, PitwallPrincipal.currentActorName(), null,
                "Reinstated: fallback mode ended, the AI acts again" + (waived ? " (the gate passes on a waiver)" : ""),
                clock.instant());
        LifecyclePolicy after = policy(workflowKey);
        auditLog.append(AuditRecord.updated(ENTITY, workflowKey, before, after));
        return after;
    }

    /**
     * Tells subscribers, among them the workflow's AI systems when they subscribe to
     * {@code workflow.fallback.*}: the payload's {@code data.action} is STOP or RESUME with the keys of
     * the systems that must stop or may resume acting.
     */
    private void notify(Workflow workflow, NotificationEvent event, String action, Incident incident, String subject,
            String text) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("workflowKey", workflow.key());
        if (action != null) {
            data.put("action", action);
        }
        data.put("systemKeys", workflows.details(workflow.key()).systems().stream()
                .map(dev.pitwall.portfolio.WorkflowDetails.SystemRef::key).toList());
        data.put("incidentId", incident.id());
        notifier.publish(new dev.pitwall.operations.internal.Notifier.Message(event, workflow.key(), subject, text,
                "/operations/workflows/" + workflow.key() + "/fallback", data));
    }
}
