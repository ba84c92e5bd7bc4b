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

    private final FallbackService fallbacks;
    private final DecisionRightsService rights;

    NorthwindOperations(FallbackService fallbacks, DecisionRightsService rights) {
        this.fallbacks = fallbacks;
        this.rights = rights;
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
