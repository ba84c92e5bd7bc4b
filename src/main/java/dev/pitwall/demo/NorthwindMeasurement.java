package dev.pitwall.demo;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.DeploymentService;
import dev.pitwall.measurement.DeploymentStatus;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MeasurementSource;
import dev.pitwall.measurement.NewDeployment;
import dev.pitwall.measurement.NewMeasurement;
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

    /**
     * How much of the way from baseline to target each workflow's KPI has come once adoption settled
     * (four months after go-live): the share that makes its story — invoice exceptions capture most
     * of what its few users could give, proposal drafting little of what its users and model could.
     */
    static final java.util.Map<String, Double> REALIZATION = java.util.Map.ofEntries(
            java.util.Map.entry("invoice-exceptions", 0.16), java.util.Map.entry("email-triage", 0.86),
            java.util.Map.entry("claims-assistant", 0.5), java.util.Map.entry("policy-qa", 0.25),
            java.util.Map.entry("proposal-drafting", 0.12), java.util.Map.entry("chat-deflection", 0.3),
            java.util.Map.entry("vendor-onboarding", 0.2), java.util.Map.entry("hiring-screening", 0.15),
            java.util.Map.entry("account-research", 0.2), java.util.Map.entry("damage-detection", 0.1),
            java.util.Map.entry("contract-review", 0.15), java.util.Map.entry("route-planning", 0.3));

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
    private final MeasurementService measurements;
    private final DeploymentService deployments;

    NorthwindMeasurement(KpiService kpis, WorkflowService workflows, MeasurementService measurements,
            DeploymentService deployments) {
        this.kpis = kpis;
        this.workflows = workflows;
        this.measurements = measurements;
        this.deployments = deployments;
    }

    /**
     * Monthly measurements of every outcome KPI since its workflow's AI go-live (month ends up to
     * today), moving from the baseline toward the workflow's {@link #REALIZATION} over four months,
     * with a little month-to-month noise; and the deployments of the AI systems.
     */
    void history(LocalDate today) {
        java.util.Random random = new java.util.Random(42);
        // The months before go-live come from a generator of their own, so the months after stay as they were.
        java.util.Random before = new java.util.Random(7);
        for (Contract contract : CONTRACTS) {
            Workflow workflow = workflows.get(contract.workflow());
            Double share = REALIZATION.get(contract.workflow());
            if (workflow.aiGoLive() == null || share == null) {
                continue;
            }
            Kpi kpi = kpis.get(contract.workflow(), contract.name());
            // route planning never captured its baseline; its fuel bill still arrives every month
            double from = Double.isNaN(contract.baseline()) ? 450_000 : contract.baseline();
            java.util.List<NewMeasurement> values = new java.util.ArrayList<>(monthsBefore(contract, workflow.aiGoLive(),
                    from, today, before));
            LocalDate month = workflow.aiGoLive().withDayOfMonth(1).plusMonths(1).minusDays(1);
            for (int k = 1; !month.isAfter(today); k++, month = month.plusDays(1).plusMonths(1).minusDays(1)) {
                double progress = share * Math.min(1.0, k / 4.0) * (1 + random.nextGaussian() * 0.02);
                double value = from + progress * (contract.target() - from);
                values.add(new NewMeasurement(month, BigDecimal.valueOf(Math.round(value * 100) / 100.0), null));
            }
            if (!values.isEmpty()) {
                measurements.recordAll(kpi.id(), values, MeasurementSource.API);
            }
        }
        deploy(today);
    }

    /**
     * The twelve months before go-live, for the insight's interrupted time series: the level of the
     * baseline with month-to-month noise — 1.5 %, except the fuel bill's 4 %, which makes route
     * planning's effect inconclusive. Only for workflows live for at least 60 days, so no month
     * before go-live falls in a scorecard's window.
     */
    private static java.util.List<NewMeasurement> monthsBefore(Contract contract, LocalDate goLive, double level,
            LocalDate today, java.util.Random random) {
        java.util.List<NewMeasurement> months = new java.util.ArrayList<>();
        if (goLive.isAfter(today.minusDays(60))) {
            return months;
        }
        double noise = contract.workflow().equals("route-planning") ? 0.04 : 0.015;
        LocalDate lastBefore = goLive.withDayOfMonth(1).minusDays(1);
        for (int m = 11; m >= 0; m--) {
            LocalDate month = lastBefore.minusMonths(m).withDayOfMonth(1).plusMonths(1).minusDays(1);
            double value = level * (1 + random.nextGaussian() * noise);
            months.add(new NewMeasurement(month, BigDecimal.valueOf(Math.round(value * 100) / 100.0), null));
        }
        return months;
    }

    /**
     * Deployments: InvoiceIQ and VisionQC every two weeks, each agent of the agent platform twice a
     * month — except the claims agent, deployed once, three weeks ago (the model update) — the
     * platform itself every other month, RouteMind and TalentScreen monthly.
     */
    private void deploy(LocalDate today) {
        every("invoiceiq", null, 14, today, 180);
        every("visionqc", null, 14, today, 60);
        every("routemind", null, 30, today, 120);
        every("talentscreen", null, 30, today, 100);
        every("nw-agents", null, 60, today, 240);
        for (String workflow : List.of("email-triage", "chat-deflection", "vendor-onboarding", "policy-qa",
                "proposal-drafting", "contract-review")) {
            every("nw-agents", workflow, 14, today, 200);
        }
        // The claims assistant's model update three weeks ago ended rolled back (DEMO.md, Operations): the
        // rollback is a deployment of its own, which NorthwindOperations records with the incident.
        deployments.record(new NewDeployment("nw-agents", "claims-agent gpt-4.1-2025-04",
                today.minusDays(21).atTime(9, 30).toInstant(java.time.ZoneOffset.UTC), DeploymentStatus.ROLLED_BACK, null,
                null, "claims-assistant"));
    }

    private void every(String system, String workflow, int days, LocalDate today, int history) {
        int release = 1;
        for (LocalDate day = today.minusDays(history); !day.isAfter(today.minusDays(1)); day = day.plusDays(days)) {
            deployments.record(new NewDeployment(system, (workflow == null ? system : workflow) + " r" + release++,
                    day.atTime(16, 0).toInstant(java.time.ZoneOffset.UTC), DeploymentStatus.SUCCEEDED, null, null,
                    workflow));
        }
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
                baselineTo.minusDays(89), baselineTo, decimal(target), null, ownerOf(parent.workflowKey()),
                parent.dataSource(), Cadence.MONTHLY, parent.id()));
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
