package dev.pitwall.demo;

import dev.pitwall.governance.Autonomy;
import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ControlStatus;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.governance.ImplementationUpdate;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Northwind Freight's governance: every workflow classified, and controls in every status. The
 * hiring screening assistant is high-risk under EU AI Act Annex III point 4(a), and its missing
 * controls block its promotion. Email triage and the claims assistant have every required control
 * in place, so they pass the governance check. Some evidence expires within two weeks: the invoice
 * workflow's monitoring and the claims assistant's logging.
 */
@Component
class NorthwindGovernance {

    private final ClassificationService classifications;
    private final ImplementationService implementations;
    private final WorkflowService workflows;

    NorthwindGovernance(ClassificationService classifications, ImplementationService implementations,
            WorkflowService workflows) {
        this.classifications = classifications;
        this.implementations = implementations;
        this.workflows = workflows;
    }

    /** Answers to the risk questionnaire, in the order of {@link RiskQuestionnaire}'s flags. */
    private static RiskQuestionnaire answers(boolean personal, boolean regulated, boolean customer, List<String> annex,
            boolean profiling, Autonomy autonomy, boolean decisionSupport, boolean retrieval, boolean synthetic) {
        return new RiskQuestionnaire(personal, regulated, customer, annex, false, profiling, autonomy, decisionSupport,
                retrieval, false, synthetic, false, List.of());
    }

    static final Map<String, RiskQuestionnaire> ANSWERS = Map.ofEntries(
            Map.entry("invoice-exceptions", answers(false, true, false, List.of(), false, Autonomy.SUGGESTS, true, false, false)),
            Map.entry("vendor-onboarding", answers(true, false, false, List.of(), false, Autonomy.ACTS_WITH_APPROVAL, true, false, false)),
            Map.entry("email-triage", answers(true, false, false, List.of(), false, Autonomy.ACTS_WITH_APPROVAL, true, false, false)),
            Map.entry("claims-assistant", answers(true, false, true, List.of(), false, Autonomy.ACTS_WITH_APPROVAL, true, true, false)),
            Map.entry("chat-deflection", answers(true, false, true, List.of(), false, Autonomy.ACTS_ALONE, false, true, false)),
            Map.entry("route-planning", answers(false, false, false, List.of(), false, Autonomy.SUGGESTS, true, false, false)),
            Map.entry("load-consolidation", answers(false, false, false, List.of(), false, Autonomy.SUGGESTS, true, false, false)),
            Map.entry("hiring-screening", answers(true, false, false, List.of("4(a)"), true, Autonomy.SUGGESTS, true, false, false)),
            Map.entry("policy-qa", answers(false, false, false, List.of(), false, Autonomy.SUGGESTS, false, true, false)),
            Map.entry("proposal-drafting", answers(false, false, false, List.of(), false, Autonomy.SUGGESTS, false, true, true)),
            Map.entry("account-research", answers(true, false, false, List.of(), false, Autonomy.SUGGESTS, false, true, false)),
            Map.entry("damage-detection", answers(false, false, false, List.of(), false, Autonomy.ACTS_WITH_APPROVAL, true, false, false)),
            Map.entry("pick-path", answers(false, false, false, List.of(), false, Autonomy.SUGGESTS, true, false, false)),
            Map.entry("contract-review", answers(true, false, false, List.of(), false, Autonomy.SUGGESTS, true, true, false)));

    /** Controls left out per workflow (the rest of its required controls are put in place). */
    private static final Map<String, Map<String, ControlStatus>> SHORT_OF = Map.of(
            "invoice-exceptions", Map.of("training", ControlStatus.PLANNED),
            "proposal-drafting", Map.of("data-governance", ControlStatus.PLANNED, "monitoring", ControlStatus.MISSING,
                    "logging", ControlStatus.MISSING, "access-control", ControlStatus.PLANNED),
            "hiring-screening", Map.of("human-oversight", ControlStatus.PLANNED, "review-procedure", ControlStatus.PLANNED,
                    "fallback-path", ControlStatus.MISSING, "incident-response", ControlStatus.MISSING,
                    "documentation", ControlStatus.MISSING, "monitoring", ControlStatus.MISSING,
                    "logging", ControlStatus.PLANNED, "boundaries", ControlStatus.MISSING,
                    "access-control", ControlStatus.MISSING, "training", ControlStatus.MISSING));

    /** Workflows that put their controls in place; the others only classified (every control MISSING). */
    private static final List<String> IMPLEMENTING = List.of("email-triage", "claims-assistant", "invoice-exceptions",
            "policy-qa", "proposal-drafting", "hiring-screening");

    /** Classifies every workflow and records the controls, before the production workflows are promoted. */
    void generate(LocalDate today) {
        ANSWERS.forEach(classifications::classify);
        for (String key : IMPLEMENTING) {
            String owner = accountableOwnerEmail(key);
            Map<String, ControlStatus> shortOf = SHORT_OF.getOrDefault(key, Map.of());
            for (ControlImplementation control : implementations.ofWorkflow(key)) {
                ControlStatus status = shortOf.getOrDefault(control.controlKey(),
                        control.controlKey().equals("monitoring") || control.controlKey().equals("ownership")
                                ? ControlStatus.VERIFIED : ControlStatus.IMPLEMENTED);
                if (status == ControlStatus.MISSING) {
                    continue;
                }
                if (status.inPlace()) {
                    implementations.addLink(key, control.controlKey(), control.controlName() + " record",
                            "https://intranet.northwind.example/ai-governance/" + key + "/" + control.controlKey());
                }
                implementations.update(key, control.controlKey(), new ImplementationUpdate(status, owner,
                        today.plusDays(60), status.inPlace() ? expiry(key, control.controlKey(), today) : null,
                        status.inPlace() ? null : "Planned for the next quarter."));
            }
        }
    }

    /** A year of validity, except the evidence that is about to expire in the demo's stories. */
    private static LocalDate expiry(String workflow, String control, LocalDate today) {
        if (workflow.equals("invoice-exceptions") && control.equals("monitoring")) {
            return today.plusDays(9);
        }
        if (workflow.equals("claims-assistant") && control.equals("logging")) {
            return today.plusDays(12);
        }
        return today.plusDays(365);
    }

    private String accountableOwnerEmail(String key) {
        return workflows.details(key).decisionRights().stream()
                .filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER && r.holder() != null && r.holder().active())
                .map(r -> r.holder().email()).findFirst().orElse(null);
    }
}
