package dev.pitwall.demo;

import dev.pitwall.operations.FallbackDraft;
import dev.pitwall.operations.FallbackService;
import dev.pitwall.operations.NewDrill;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.DecisionRightsService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Northwind's fallback paths (DEMO.md): every production workflow and the hiring screening pilot
 * declare one, owned by their escalation contact; email triage passed a drill last month, hiring
 * screening, a HIGH risk pilot, has never been drilled. Monitors and incidents come from the first
 * evaluation round after start: the claims assistant's quality and override monitors fire.
 * Operating reviews are recorded once the telemetry is in, so their agendas show the figures of
 * their day: every live workflow has had its review except damage detection, whose monthly review
 * is overdue beyond the grace period.
 */
@Component
@Profile("demo")
class NorthwindOperations {

    private static final Map<String, String> PROCEDURES = Map.of(
            "email-triage", "Agents triage the shared inbox by hand in arrival order; the AI's routing is switched off.",
            "claims-assistant", "Claims handlers assess returns with the paper checklist; the assistant's proposals are hidden.",
            "invoice-exceptions", "Accounts-payable clerks work the exception queue in the ERP without InvoiceIQ's proposals.",
            "policy-qa", "Questions go to the HR service desk mailbox and are answered from the policy handbook.",
            "proposal-drafting", "Sales uses the proposal templates of the sales wiki without Copilot drafts.",
            "hiring-screening", "Recruiters screen every application by hand; TalentScreen's ranking is not shown.");

    /** What each review decided and the action that follows; the others keep their course. */
    private static final Map<String, String[]> OUTCOMES = Map.of(
            "claims-assistant", new String[] {"Roll the model back to the version before the update while the evaluation "
                    + "set is re-run.", "Re-run the evaluation set against the previous model version"},
            "email-triage", new String[] {"Extend triage to the Benelux mailboxes.",
                    "Prepare the Benelux mailbox connection"},
            "invoice-exceptions", new String[] {"Fund a second wave of AP clerk training before widening the rollout.",
                    "Schedule the InvoiceIQ training for the remaining AP clerks"},
            "proposal-drafting", new String[] {"Prioritise the CPQ integration so drafts stop being re-keyed.",
                    "Write the CPQ integration requirements"},
            "damage-detection", new String[] {"Hold the rollout to the second site until the conveyor images are labelled.",
                    "Label the conveyor image backlog"});

    private final FallbackService fallbacks;
    private final DecisionRightsService rights;
    private final dev.pitwall.operations.OperatingReviewService reviews;
    private final dev.pitwall.operations.MonitorEvaluation evaluation;
    private final dev.pitwall.operations.IncidentService incidents;
    private final dev.pitwall.measurement.DeploymentService deployments;
    private final java.time.Clock clock;

    NorthwindOperations(FallbackService fallbacks, DecisionRightsService rights,
            dev.pitwall.operations.OperatingReviewService reviews, dev.pitwall.operations.MonitorEvaluation evaluation,
            dev.pitwall.operations.IncidentService incidents, dev.pitwall.measurement.DeploymentService deployments,
            java.time.Clock clock) {
        this.fallbacks = fallbacks;
        this.rights = rights;
        this.reviews = reviews;
        this.evaluation = evaluation;
        this.incidents = incidents;
        this.deployments = deployments;
        this.clock = clock;
    }

    /**
     * The claims assistant's story (DEMO.md): a first monitor round gives the production workflows
     * their default monitors, and the quality drop after the model update fires the quality monitor.
     * Its SEV2 incident was escalated once to the escalation contact, acknowledged by the quality
     * monitor and mitigated by rolling the model back (a deployment). The override-rate incident
     * stays open with the quality monitor.
     */
    void incidents() {
        dev.pitwall.operations.MonitorEvaluation.RoundResult round = evaluation.evaluate();
        if (!round.claimed()) {
            return;
        }
        var quality = incidents.find(true, "claims-assistant", 50).stream()
                .filter(i -> i.title().startsWith("Quality below target")).findFirst();
        if (quality.isEmpty()) {
            return;
        }
        long id = quality.get().id();
        String monitor = rights.report("claims-assistant").rights().stream()
                .filter(r -> r.right() == DecisionRight.QUALITY_MONITOR && r.holder() != null)
                .map(r -> r.holder().email()).findFirst().orElse("quality monitor");
        dev.pitwall.platform.security.SystemActor.runAs("pitwall", () -> incidents.escalate(id,
                "Not acknowledged within its deadline"));
        dev.pitwall.platform.security.SystemActor.runAs(monitor, () -> {
            incidents.acknowledge(id);
            incidents.comment(id, "The drop started with the model update of three weeks ago; rolling it back.");
            return null;
        });
        deployments.record(new dev.pitwall.measurement.NewDeployment("nw-agents",
                "claims-agent gpt-4o-2024-11 (rollback)", clock.instant(),
                dev.pitwall.measurement.DeploymentStatus.SUCCEEDED, null, null, "claims-assistant"));
        dev.pitwall.platform.security.SystemActor.runAs(monitor, () -> incidents.mitigate(id,
                "Rolled back to the previous model version; the evaluation set is being re-run before resolving."));
    }

    /**
     * Records the operating reviews of the live workflows (after the telemetry, whose figures their
     * agendas show). Damage detection reviews monthly and was last reviewed 50 days ago, with its
     * action still open: its review is overdue beyond the grace period.
     */
    void reviews(LocalDate today) {
        reviews.setCadence("damage-detection", 1);
        review("damage-detection", today.minusDays(50), today.minusDays(36));
        int i = 0;
        for (dev.pitwall.operations.ReviewSchedule s : reviews.schedule()) {
            if (!s.workflowKey().equals("damage-detection") && !s.dueOn().isAfter(today.plusDays(7))) {
                LocalDate held = today.minusDays(9 + (i++ * 5) % 16);
                review(s.workflowKey(), held, held.plusDays(21));
            }
        }
    }

    private void review(String key, LocalDate held, LocalDate due) {
        String[] outcome = OUTCOMES.get(key);
        record(key, held, outcome == null ? "Keep the current course; no change." : outcome[0],
                outcome == null ? null : outcome[1], due);
    }

    private void record(String key, LocalDate held, String decision, String action, LocalDate due) {
        var holders = rights.report(key).rights().stream().filter(r -> r.holder() != null && r.holder().active())
                .filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER || r.right() == DecisionRight.QUALITY_MONITOR
                        || r.right() == DecisionRight.TECHNICAL_OWNER)
                .map(r -> r.holder().email()).distinct().toList();
        String owner = holders.get(holders.size() - 1);
        reviews.record(key, new dev.pitwall.operations.NewOperatingReview(held, holders, java.util.List.of(decision),
                action == null ? java.util.List.of()
                        : java.util.List.of(new dev.pitwall.operations.NewOperatingReview.Action(action, owner, due)),
                null));
    }

    void generate(LocalDate today) {
        PROCEDURES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String owner = rights.report(e.getKey()).rights().stream()
                    .filter(r -> r.right() == DecisionRight.ESCALATION_CONTACT && r.holder() != null)
                    .map(r -> r.holder().email()).findFirst().orElse(null);
            fallbacks.declare(e.getKey(), new FallbackDraft(e.getValue(), owner, 30));
        });
        fallbacks.recordDrill("email-triage", new NewDrill(today.minusDays(30), 18, new BigDecimal("0.65"), null,
                "Switched the shared inbox to manual triage for a morning; backlog cleared by noon."));
    }
}
