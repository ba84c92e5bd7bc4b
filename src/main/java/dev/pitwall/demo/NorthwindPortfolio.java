package dev.pitwall.demo;

import static dev.pitwall.portfolio.PipelineStage.APPLY_IN_WORKFLOW;
import static dev.pitwall.portfolio.PipelineStage.BUILD;
import static dev.pitwall.portfolio.PipelineStage.CLEAN;
import static dev.pitwall.portfolio.PipelineStage.COLLECT;
import static dev.pitwall.portfolio.PipelineStage.DEPLOY;
import static dev.pitwall.portfolio.PipelineStage.MAP_SKILLS;
import static dev.pitwall.portfolio.PipelineStage.UPSKILL;
import static dev.pitwall.portfolio.PipelineStage.ADOPT_AND_REITERATE;
import static dev.pitwall.portfolio.PipelineStatus.DONE;
import static dev.pitwall.portfolio.PipelineStatus.IN_PROGRESS;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.DataAssessmentRequest;
import dev.pitwall.portfolio.DataReadinessService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.Initiative;
import dev.pitwall.portfolio.InitiativeDraft;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.InitiativeStage;
import dev.pitwall.portfolio.NewBudgetLine;
import dev.pitwall.portfolio.OperatingModelService;
import dev.pitwall.portfolio.PipelineService;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.PipelineStageUpdate;
import dev.pitwall.portfolio.PipelineStatus;
import dev.pitwall.portfolio.SpendCategory;
import dev.pitwall.portfolio.StageChangeRequest;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.TelemetryKey;
import dev.pitwall.portfolio.TelemetryKeyKind;
import dev.pitwall.portfolio.WaiverRequest;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Northwind Freight's portfolio (DEMO.md): seven AI systems, seven initiatives with budgets and
 * synchronized pipelines, fourteen workflows applied as an operating-model YAML file, data
 * readiness assessments, and the promotions of the production workflows through the gate, with
 * waivers where it does not pass.
 */
@Component
class NorthwindPortfolio {

    private final AiSystemService systems;
    private final InitiativeService initiatives;
    private final OperatingModelService operatingModel;
    private final WorkflowService workflows;
    private final DataReadinessService data;
    private final PipelineService pipelines;
    private final StageService stages;
    private final PersonService people;

    NorthwindPortfolio(AiSystemService systems, InitiativeService initiatives, OperatingModelService operatingModel,
            WorkflowService workflows, DataReadinessService data, PipelineService pipelines, StageService stages,
            PersonService people) {
        this.systems = systems;
        this.initiatives = initiatives;
        this.operatingModel = operatingModel;
        this.workflows = workflows;
        this.data = data;
        this.pipelines = pipelines;
        this.stages = stages;
        this.people = people;
    }

    /** Everything but the promotions, which need the measurement contracts first. */
    void generate(NorthwindStaff staff, LocalDate today) {
        createSystems(staff);
        Map<String, Long> initiativeIds = createInitiatives(staff, today);
        operatingModel.apply(OperatingModelService.toYaml(new NorthwindWorkflows(staff, today).all()), false);
        workflows.assignRight("chat-deflection", DecisionRight.OVERRIDE_AUTHORITY, null, "it depends on the case");
        workflows.assignRight("chat-deflection", DecisionRight.ESCALATION_CONTACT, null, "it depends on the shift");
        someoneLeft(staff);
        assessData(today);
        recordBudget(initiativeIds, today);
        recordPipelines(staff, initiativeIds, today);
    }

    private void createSystems(NorthwindStaff staff) {
        system("microsoft-365-copilot", "Microsoft 365 Copilot", AiSystemKind.SAAS_COPILOT, "Microsoft",
                List.of("gpt-4o"), staff.one("Head of IT Platform"),
                List.of(new TelemetryKey(TelemetryKeyKind.APPLICATION_ID, "microsoft-365-copilot", null)));
        system("github-copilot", "GitHub Copilot", AiSystemKind.SAAS_COPILOT, "GitHub", List.of("gpt-4.1"),
                staff.one("Head of Data & AI"),
                List.of(new TelemetryKey(TelemetryKeyKind.APPLICATION_ID, "github-copilot", null)));
        system("nw-agents", "Northwind Agent Platform", AiSystemKind.LLM_APPLICATION, "Northwind (self-hosted)",
                List.of("claude-sonnet-4", "gpt-4.1-mini"), staff.one("Head of Data & AI"),
                List.of(new TelemetryKey(TelemetryKeyKind.SERVICE_NAME, "nw-agents", null)));
        system("invoiceiq", "InvoiceIQ", AiSystemKind.ML_MODEL, "InvoiceIQ Inc.", List.of("invoiceiq-match-3"),
                staff.one("Data Science Manager"),
                List.of(new TelemetryKey(TelemetryKeyKind.SERVICE_NAME, "invoiceiq", null)));
        system("routemind", "RouteMind", AiSystemKind.LLM_APPLICATION, "RouteMind", List.of("routemind-planner"),
                staff.one("Data Scientist"),
                List.of(new TelemetryKey(TelemetryKeyKind.PROVIDER_MODEL, "routemind", null)));
        system("visionqc", "VisionQC", AiSystemKind.ML_MODEL, "Northwind (self-built)", List.of("visionqc-v2"),
                staff.nth("Data Scientist", 1),
                List.of(new TelemetryKey(TelemetryKeyKind.SERVICE_NAME, "visionqc", null)));
        system("talentscreen", "TalentScreen", AiSystemKind.LLM_APPLICATION, "TalentScreen", List.of("ts-rank-2"),
                staff.one("People Analytics Analyst"),
                List.of(new TelemetryKey(TelemetryKeyKind.SERVICE_NAME, "talentscreen", null)));
    }

    private void system(String key, String name, AiSystemKind kind, String provider, List<String> models,
            String ownerEmail, List<TelemetryKey> keys) {
        Long owner = people.findByEmail(ownerEmail).orElseThrow().id();
        systems.create(new AiSystemDraft(key, name, kind, provider, models, owner, null, keys));
    }

    private Map<String, Long> createInitiatives(NorthwindStaff staff, LocalDate today) {
        Map<String, Long> ids = new HashMap<>();
        initiative(ids, "Finance Automation", "Cut the cost and cycle time of accounts payable exceptions by half.",
                staff.one("Chief Financial Officer"), InitiativeStage.SCALING, today.minusDays(400));
        initiative(ids, "Customer Service AI", "Answer customers faster with the same team as volume grows 20% a year.",
                staff.one("Chief Operating Officer"), InitiativeStage.SCALING, today.minusDays(380));
        initiative(ids, "Smart Dispatch", "Fewer kilometres and more full trucks per delivery.",
                staff.one("Chief Operating Officer"), InitiativeStage.ACTIVE, today.minusDays(240));
        initiative(ids, "Talent & HR AI", "Faster hiring and self-service answers for every employee.",
                staff.one("Chief People Officer"), InitiativeStage.ACTIVE, today.minusDays(300));
        initiative(ids, "Sales Enablement", "More proposals out of the door per seller, of better quality.",
                staff.one("Chief Commercial Officer"), InitiativeStage.ACTIVE, today.minusDays(330));
        initiative(ids, "Warehouse Vision", "Catch damaged parcels at the door instead of at the customer.",
                staff.one("Chief Operating Officer"), InitiativeStage.ACTIVE, today.minusDays(280));
        initiative(ids, "Legal Operations", "Review standard contracts in hours instead of days.",
                staff.one("General Counsel"), InitiativeStage.PROPOSED, today.minusDays(90));
        return ids;
    }

    private void initiative(Map<String, Long> ids, String name, String objective, String sponsorEmail,
            InitiativeStage stage, LocalDate start) {
        Long sponsor = people.findByEmail(sponsorEmail).orElseThrow().id();
        Initiative created = initiatives.create(new InitiativeDraft(name, objective, sponsor, stage, start));
        ids.put(name, created.id());
    }

    /** The accountant who documents vendor onboarding has left: the right is held by someone inactive. */
    private void someoneLeft(NorthwindStaff staff) {
        var leaver = people.findByEmail(staff.one("Accountant")).orElseThrow();
        people.update(leaver.id(), new dev.pitwall.people.PersonDraft(leaver.email(), leaver.externalId(), leaver.name(),
                leaver.title(), leaver.teamId(), leaver.managerId(), leaver.level(), leaver.tier(), false));
    }

    private void assessData(LocalDate today) {
        assess("invoice-exceptions", "ERP invoice exceptions", today.minusDays(200), 3, 3, 3, 2);
        assess("invoice-exceptions", "ERP invoice exceptions", today.minusDays(60), 4, 4, 3, 3);
        assess("invoice-exceptions", "Vendor master data", today.minusDays(60), 3, 3, 3, 3);
        assess("vendor-onboarding", "Vendor portal submissions", today.minusDays(40), 2, 1, 2, 1);
        assess("vendor-onboarding", "Credit bureau reports", today.minusDays(40), 3, 2, 1, 2);
        assess("vendor-onboarding", "ERP vendor master", today.minusDays(40), 3, 3, 3, 2);
        assess("email-triage", "Customer mailbox", today.minusDays(250), 3, 2, 3, 3);
        assess("email-triage", "Customer mailbox", today.minusDays(90), 4, 4, 4, 3);
        assess("email-triage", "CRM case history", today.minusDays(90), 4, 3, 4, 4);
        assess("claims-assistant", "Claims portal", today.minusDays(120), 4, 3, 3, 3);
        assess("claims-assistant", "Shipment events", today.minusDays(120), 4, 3, 4, 3);
        assess("chat-deflection", "Knowledge base", today.minusDays(30), 2, 3, 4, 3);
        assess("route-planning", "Telematics feed", today.minusDays(45), 4, 3, 3, 3);
        // Load consolidation's data: depot spreadsheets merged by hand, and the TMS (Insight: first to redesign).
        assess("load-consolidation", "Depot order lists", today.minusDays(25), 2, 1, 2, 1);
        assess("load-consolidation", "Planned loads", today.minusDays(25), 3, 3, 3, 2);
        assess("route-planning", "Order book", today.minusDays(45), 3, 3, 4, 3);
        assess("hiring-screening", "Applicant tracking system", today.minusDays(50), 3, 3, 3, 2);
        assess("policy-qa", "Policy library", today.minusDays(150), 3, 4, 4, 3);
        assess("proposal-drafting", "Opportunities", today.minusDays(100), 3, 3, 4, 3);
        assess("proposal-drafting", "Price book", today.minusDays(100), 3, 4, 3, 3);
        assess("account-research", "CRM accounts", today.minusDays(20), 3, 3, 4, 3);
        assess("damage-detection", "Conveyor images", today.minusDays(35), 4, 2, 3, 2);
        assess("contract-review", "Contract repository", today.minusDays(15), 3, 3, 2, 3);
    }

    private void assess(String workflow, String source, LocalDate on, int freshness, int quality, int access,
            int governance) {
        WorkflowDetails.DataSource found = data.sources(workflow).stream().filter(s -> s.name().equals(source))
                .findFirst().orElseThrow();
        data.assess(found.id(), new DataAssessmentRequest(on, freshness, quality, access, governance, null));
    }

    private void recordBudget(Map<String, Long> ids, LocalDate today) {
        long finance = ids.get("Finance Automation");
        spend(finance, SpendCategory.INFRASTRUCTURE, COLLECT, null, null, "ERP data extraction", 90_000, today.minusDays(390));
        spend(finance, SpendCategory.INFRASTRUCTURE, BUILD, null, "invoice-exceptions", "InvoiceIQ licence, year 1",
                420_000, today.minusDays(300));
        spend(finance, SpendCategory.INFRASTRUCTURE, DEPLOY, null, "invoice-exceptions", "ERP integration", 160_000,
                today.minusDays(200));
        spend(finance, SpendCategory.INFRASTRUCTURE, BUILD, null, "vendor-onboarding", "Sanctions screening agent",
                70_000, today.minusDays(80));
        spend(finance, SpendCategory.WORKFORCE, UPSKILL, Tier.CONSUMER, "invoice-exceptions",
                "InvoiceIQ training for AP clerks", 18_000, today.minusDays(120));
        long service = ids.get("Customer Service AI");
        spend(service, SpendCategory.INFRASTRUCTURE, BUILD, null, null, "Northwind Agent Platform build", 650_000,
                today.minusDays(330));
        spend(service, SpendCategory.INFRASTRUCTURE, DEPLOY, null, "email-triage", "Mailbox integration", 80_000,
                today.minusDays(260));
        spend(service, SpendCategory.INFRASTRUCTURE, DEPLOY, null, "claims-assistant", "Claims portal integration",
                95_000, today.minusDays(200));
        spend(service, SpendCategory.WORKFORCE, UPSKILL, Tier.CONSUMER, "email-triage", "Agent onboarding programme",
                65_000, today.minusDays(250));
        spend(service, SpendCategory.WORKFORCE, MAP_SKILLS, Tier.INTEGRATOR, null, "Service process redesign workshops",
                12_000, today.minusDays(370));
        long dispatch = ids.get("Smart Dispatch");
        spend(dispatch, SpendCategory.INFRASTRUCTURE, BUILD, null, "route-planning", "RouteMind subscription", 300_000,
                today.minusDays(200));
        spend(dispatch, SpendCategory.INFRASTRUCTURE, COLLECT, null, null, "Telematics data lake", 140_000,
                today.minusDays(230));
        long talent = ids.get("Talent & HR AI");
        spend(talent, SpendCategory.INFRASTRUCTURE, BUILD, null, "hiring-screening", "TalentScreen licence", 150_000,
                today.minusDays(150));
        spend(talent, SpendCategory.INFRASTRUCTURE, BUILD, null, "policy-qa", "Policy library indexing", 45_000,
                today.minusDays(250));
        spend(talent, SpendCategory.WORKFORCE, UPSKILL, Tier.BUILDER, null, "LLM engineering bootcamp", 120_000,
                today.minusDays(200));
        long sales = ids.get("Sales Enablement");
        spend(sales, SpendCategory.INFRASTRUCTURE, BUILD, null, null, "Microsoft 365 Copilot seats", 210_000,
                today.minusDays(320));
        spend(sales, SpendCategory.INFRASTRUCTURE, BUILD, null, "proposal-drafting", "Proposal agent", 110_000,
                today.minusDays(240));
        spend(sales, SpendCategory.WORKFORCE, UPSKILL, Tier.CONSUMER, "proposal-drafting", "Proposal drafting clinics",
                22_000, today.minusDays(150));
        long vision = ids.get("Warehouse Vision");
        spend(vision, SpendCategory.INFRASTRUCTURE, BUILD, null, "damage-detection", "VisionQC cameras and model",
                380_000, today.minusDays(220));
        spend(vision, SpendCategory.WORKFORCE, MAP_SKILLS, Tier.INTEGRATOR, null, "Inspection skills mapping", 6_000,
                today.minusDays(40));
        long legal = ids.get("Legal Operations");
        spend(legal, SpendCategory.INFRASTRUCTURE, COLLECT, null, null, "Contract repository migration", 40_000,
                today.minusDays(60));
    }

    private void spend(long initiative, SpendCategory category, PipelineStage stage, Tier tier, String workflow,
            String description, int amount, LocalDate on) {
        initiatives.addBudgetLine(initiative, new NewBudgetLine(category, stage, tier, workflow, description,
                BigDecimal.valueOf(amount), on));
    }

    private void recordPipelines(NorthwindStaff staff, Map<String, Long> ids, LocalDate today) {
        long finance = ids.get("Finance Automation");
        stage(finance, COLLECT, DONE, today.minusDays(395), today.minusDays(330), null);
        stage(finance, CLEAN, DONE, today.minusDays(330), today.minusDays(290), staff.one("Data Engineer"));
        stage(finance, BUILD, DONE, today.minusDays(300), today.minusDays(220), null);
        stage(finance, DEPLOY, DONE, today.minusDays(210), today.minusDays(150), null);
        stage(finance, MAP_SKILLS, DONE, today.minusDays(395), today.minusDays(170), null);
        stage(finance, UPSKILL, IN_PROGRESS, today.minusDays(130), null, null);
        stage(finance, APPLY_IN_WORKFLOW, IN_PROGRESS, today.minusDays(215), null, null);
        long service = ids.get("Customer Service AI");
        stage(service, COLLECT, DONE, today.minusDays(375), today.minusDays(340), null);
        stage(service, CLEAN, DONE, today.minusDays(340), today.minusDays(320), staff.one("Customer Operations Analyst"));
        stage(service, BUILD, DONE, today.minusDays(330), today.minusDays(280), null);
        stage(service, DEPLOY, DONE, today.minusDays(270), today.minusDays(230), null);
        stage(service, MAP_SKILLS, DONE, today.minusDays(375), today.minusDays(300), null);
        stage(service, UPSKILL, DONE, today.minusDays(300), today.minusDays(240), null);
        stage(service, APPLY_IN_WORKFLOW, DONE, today.minusDays(280), today.minusDays(200), null);
        stage(service, ADOPT_AND_REITERATE, IN_PROGRESS, today.minusDays(200), null, null);
        long dispatch = ids.get("Smart Dispatch");
        stage(dispatch, COLLECT, DONE, today.minusDays(235), today.minusDays(180), null);
        stage(dispatch, CLEAN, IN_PROGRESS, today.minusDays(180), null, staff.one("Routing Analyst"));
        stage(dispatch, BUILD, IN_PROGRESS, today.minusDays(170), null, null);
        stage(dispatch, MAP_SKILLS, IN_PROGRESS, today.minusDays(235), null, null);
        long talent = ids.get("Talent & HR AI");
        stage(talent, COLLECT, DONE, today.minusDays(295), today.minusDays(260), null);
        stage(talent, CLEAN, DONE, today.minusDays(260), today.minusDays(230), staff.one("People Analytics Analyst"));
        stage(talent, BUILD, IN_PROGRESS, today.minusDays(230), null, null);
        stage(talent, MAP_SKILLS, DONE, today.minusDays(295), today.minusDays(200), null);
        stage(talent, UPSKILL, IN_PROGRESS, today.minusDays(200), null, null);
        long sales = ids.get("Sales Enablement");
        stage(sales, COLLECT, DONE, today.minusDays(325), today.minusDays(300), null);
        stage(sales, CLEAN, DONE, today.minusDays(300), today.minusDays(280), staff.one("Sales Operations Analyst"));
        stage(sales, BUILD, DONE, today.minusDays(280), today.minusDays(220), null);
        stage(sales, DEPLOY, DONE, today.minusDays(220), today.minusDays(190), null);
        stage(sales, MAP_SKILLS, DONE, today.minusDays(325), today.minusDays(260), null);
        stage(sales, UPSKILL, DONE, today.minusDays(260), today.minusDays(160), null);
        stage(sales, APPLY_IN_WORKFLOW, IN_PROGRESS, today.minusDays(225), null, null);
        long vision = ids.get("Warehouse Vision");
        stage(vision, COLLECT, DONE, today.minusDays(275), today.minusDays(240), null);
        stage(vision, CLEAN, DONE, today.minusDays(240), today.minusDays(210), staff.one("Operations Analyst"));
        stage(vision, BUILD, DONE, today.minusDays(210), today.minusDays(90), null);
        stage(vision, DEPLOY, IN_PROGRESS, today.minusDays(60), null, null);
        stage(vision, MAP_SKILLS, IN_PROGRESS, today.minusDays(40), null, null);
        long legal = ids.get("Legal Operations");
        stage(legal, COLLECT, IN_PROGRESS, today.minusDays(85), null, null);
        stage(legal, MAP_SKILLS, IN_PROGRESS, today.minusDays(85), null, null);
    }

    private void stage(long initiative, PipelineStage stage, PipelineStatus status, LocalDate started,
            LocalDate completed, String assigneeEmail) {
        Long assignee = assigneeEmail == null ? null : people.findByEmail(assigneeEmail).orElseThrow().id();
        pipelines.update(initiative, stage, new PipelineStageUpdate(status, started, completed, assignee));
    }

    /** How many days ago each production workflow went to production. */
    static final java.util.Map<String, Integer> GO_LIVE_DAYS_AGO = java.util.Map.of("email-triage", 230,
            "claims-assistant", 190, "invoice-exceptions", 150, "policy-qa", 140, "proposal-drafting", 170);

    /**
     * Moves the production workflows to production on their go-live history: those whose gate passes
     * directly, the others on a waiver their accountable owner granted at the time.
     */
    void promote(NorthwindStaff staff, LocalDate today) {
        promote("email-triage", today.minusDays(GO_LIVE_DAYS_AGO.get("email-triage")), null, staff, today);
        promote("claims-assistant", today.minusDays(GO_LIVE_DAYS_AGO.get("claims-assistant")), null, staff, today);
        promote("invoice-exceptions", today.minusDays(GO_LIVE_DAYS_AGO.get("invoice-exceptions")),
                "InvoiceIQ is accurate enough to go live; AP clerk training continues after launch.", staff, today);
        promote("policy-qa", today.minusDays(GO_LIVE_DAYS_AGO.get("policy-qa")),
                "Low-risk answers with sources; enablement is rolled out with the intranet campaign.", staff, today);
        promote("proposal-drafting", today.minusDays(GO_LIVE_DAYS_AGO.get("proposal-drafting")),
                "Sellers adopt by doing; the CPQ integration follows in the next release.", staff, today);
    }

    private void promote(String key, LocalDate on, String waiverReason, NorthwindStaff staff, LocalDate today) {
        if (waiverReason != null) {
            long owner = workflows.details(key).decisionRights().stream()
                    .filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER).findFirst().orElseThrow().holder().id();
            stages.recordWaiver(key, new WaiverRequest(waiverReason, on.minusDays(1), on.plusDays(179)), owner);
        }
        stages.changeStage(key, new StageChangeRequest(WorkflowStage.PRODUCTION, on, "go-live"));
    }
}
