package dev.pitwall.demo;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiDraft;
import dev.pitwall.measurement.KpiLevel;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Northwind Freight's measurement contracts: one business-outcome KPI per workflow, priced per
 * month, with a baseline of the three months that ended two weeks before AI go-live — except the
 * route-planning copilot, whose baseline was never captured (its gate fails on the contract). A few
 * operational and technical KPIs hang below the outcomes to show the KPI tree.
 */
@Component
class NorthwindMeasurement {

    /** A workflow's outcome KPI: monthly figures, value per unit in EUR. */
    record Contract(String workflow, String name, String unit, Direction direction, double baseline, double target,
            double valuePerUnit, String dataSource) {
    }

    static final List<Contract> CONTRACTS = List.of(
            new Contract("invoice-exceptions", "AP hours on invoice exceptions", "hours", Direction.LOWER_IS_BETTER,
                    6400, 2400, 38, "SAP time recording"),
            new Contract("vendor-onboarding", "Hours on vendor checks", "hours", Direction.LOWER_IS_BETTER,
                    900, 450, 45, "Procurement time tracking"),
            new Contract("email-triage", "Agent hours on email triage", "hours", Direction.LOWER_IS_BETTER,
                    5200, 2000, 32, "Zendesk handle time"),
            new Contract("claims-assistant", "Claims handling hours", "hours", Direction.LOWER_IS_BETTER,
                    3000, 1800, 34, "Zendesk handle time"),
            new Contract("chat-deflection", "Chats resolved without an agent", "chats", Direction.HIGHER_IS_BETTER,
                    2000, 9000, 4.5, "Chat platform report"),
            new Contract("route-planning", "Fuel cost", "EUR", Direction.LOWER_IS_BETTER,
                    Double.NaN, 410_000, 1, "Fleet fuel cards"),
            new Contract("load-consolidation", "Truck kilometres", "km", Direction.LOWER_IS_BETTER,
                    2_100_000, 1_800_000, 1.1, "Telematics"),
            new Contract("hiring-screening", "Recruiter screening hours", "hours", Direction.LOWER_IS_BETTER,
                    1100, 600, 40, "ATS activity log"),
            new Contract("policy-qa", "HR policy tickets", "tickets", Direction.LOWER_IS_BETTER,
                    3400, 2200, 12, "HR service desk"),
            new Contract("proposal-drafting", "Proposals sent", "proposals", Direction.HIGHER_IS_BETTER,
                    120, 200, 900, "CRM"),
            new Contract("account-research", "Seller hours on account research", "hours", Direction.LOWER_IS_BETTER,
                    1500, 900, 55, "CRM activity log"),
            new Contract("damage-detection", "Damage claims paid", "EUR", Direction.LOWER_IS_BETTER,
                    60_000, 35_000, 1, "Claims ledger"),
            new Contract("pick-path", "Picker minutes per order", "minutes", Direction.LOWER_IS_BETTER,
                    9.5, 7.5, 5200, "WMS"),
            new Contract("contract-review", "Lawyer hours on clause review", "hours", Direction.LOWER_IS_BETTER,
                    500, 300, 95, "Matter management"));

    private final KpiService kpis;
    private final WorkflowService workflows;

    NorthwindMeasurement(KpiService kpis, WorkflowService workflows) {
        this.kpis = kpis;
        this.workflows = workflows;
    }

    /** Creates the contracts, each baseline ending two weeks before the workflow's AI go-live. */
    void contracts(LocalDate today) {
        for (Contract contract : CONTRACTS) {
            Workflow workflow = workflows.get(contract.workflow());
            LocalDate goLive = workflow.aiGoLive();
            LocalDate reference = goLive == null || goLive.isAfter(today) ? today : goLive;
            boolean captured = !Double.isNaN(contract.baseline());
            LocalDate baselineTo = captured ? reference.minusDays(14) : null;
            Kpi outcome = kpis.create(contract.workflow(), new KpiDraft(contract.name(), contract.unit(),
                    KpiLevel.BUSINESS_OUTCOME, contract.direction(), captured ? decimal(contract.baseline()) : null,
                    captured ? baselineTo.minusDays(89) : null, baselineTo, decimal(contract.target()),
                    decimal(contract.valuePerUnit()), ownerOf(contract.workflow()), contract.dataSource(),
                    Cadence.MONTHLY, null));
            children(contract.workflow(), outcome, baselineTo);
        }
    }

    private void children(String workflow, Kpi outcome, LocalDate baselineTo) {
        if (workflow.equals("invoice-exceptions")) {
            child(outcome, "Exceptions resolved without rework", "%", KpiLevel.OPERATIONAL, 71, 92, baselineTo);
            child(outcome, "InvoiceIQ match accuracy", "%", KpiLevel.TECHNICAL, 93, 99, baselineTo);
        } else if (workflow.equals("email-triage")) {
            child(outcome, "Emails routed right first time", "%", KpiLevel.OPERATIONAL, 78, 95, baselineTo);
            child(outcome, "Agents using triage daily", "%", KpiLevel.WORKFORCE, 0, 80, baselineTo);
        }
    }

    private void child(Kpi parent, String name, String unit, KpiLevel level, double baseline, double target,
            LocalDate baselineTo) {
        kpis.create(parent.workflowKey(), new KpiDraft(name, unit, level, Direction.HIGHER_IS_BETTER, decimal(baseline),
                baselineTo.minusDays(89), baselineTo, decimal(target), null, parent.ownerName() == null ? null
                        : ownerOf(parent.workflowKey()), parent.dataSource(), Cadence.MONTHLY, parent.id()));
    }

    private String ownerOf(String workflow) {
        WorkflowDetails details = workflows.details(workflow);
        return details.decisionRights().stream().filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER)
                .filter(r -> r.holder() != null && r.holder().active()).map(r -> r.holder().email()).findFirst()
                .orElse(null);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
