package dev.pitwall.demo;

import static dev.pitwall.portfolio.ActorType.AI;
import static dev.pitwall.portfolio.ActorType.HUMAN;
import static dev.pitwall.portfolio.ActorType.SYSTEM;

import dev.pitwall.portfolio.ActorType;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowDefinition;
import dev.pitwall.portfolio.WorkflowDefinition.DataSourceSpec;
import dev.pitwall.portfolio.WorkflowDefinition.IntendedUsers;
import dev.pitwall.portfolio.WorkflowDefinition.Role;
import dev.pitwall.portfolio.WorkflowDefinition.SkillRequirement;
import dev.pitwall.portfolio.WorkflowDefinition.Step;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The 14 workflows of Northwind Freight (DEMO.md), as operating-model definitions. They are
 * applied at IDEA or PILOT; the demo then promotes the production ones through the gate.
 */
final class NorthwindWorkflows {

    private final NorthwindStaff staff;
    private final LocalDate today;

    NorthwindWorkflows(NorthwindStaff staff, LocalDate today) {
        this.staff = staff;
        this.today = today;
    }

    /** The day a pilot's AI went live, so many days ago. */
    private LocalDate live(int daysAgo) {
        return today.minusDays(daysAgo);
    }

    List<WorkflowDefinition> all() {
        List<WorkflowDefinition> workflows = new ArrayList<>();
        workflows.add(invoiceExceptions());
        workflows.add(vendorOnboarding());
        workflows.add(emailTriage());
        workflows.add(claimsAssistant());
        workflows.add(chatDeflection());
        workflows.add(routePlanning());
        workflows.add(loadConsolidation());
        workflows.add(hiringScreening());
        workflows.add(policyQa());
        workflows.add(proposalDrafting());
        workflows.add(accountResearch());
        workflows.add(damageDetection());
        workflows.add(pickPath());
        workflows.add(contractReview());
        return workflows;
    }

    private WorkflowDefinition invoiceExceptions() {
        return new WorkflowDefinition("invoice-exceptions", "Invoice exception handling",
                "Resolving invoices that fail three-way matching: price, quantity or tax differences.",
                "Finance Automation", WorkflowStage.PILOT, live(210), List.of("invoiceiq"),
                List.of(step("Receive the exception from the ERP", SYSTEM, "SAP S/4HANA", false, false),
                        step("Classify and propose a resolution", AI, "InvoiceIQ", false, false),
                        step("Review the proposal", HUMAN, "InvoiceIQ workbench", false, false),
                        step("Post the correction", HUMAN, "SAP S/4HANA", false, false),
                        step("Escalate disputes to the vendor manager", HUMAN, "Email", true, false)),
                rights("VP Finance Operations", "Finance Team Lead", "Finance Team Lead", "Data Science Manager",
                        "IT Support Specialist", "Financial Analyst", "Head of IT Platform", "Financial Analyst",
                        "Finance Team Lead"),
                List.of(new Role("reviewer", "Reviews InvoiceIQ's proposals", staff.all("Accounts Payable Clerk"),
                        List.of(skill("Evaluating AI output", 2)))),
                people(staff.all("Accounts Payable Clerk")),
                List.of(source("ERP invoice exceptions", "SAP S/4HANA", staff.one("Financial Analyst")),
                        source("Vendor master data", "SAP MDG", staff.nth("Financial Analyst", 1))));
    }

    private WorkflowDefinition vendorOnboarding() {
        return new WorkflowDefinition("vendor-onboarding", "Vendor onboarding checks",
                "Checking new vendors' bank details, credit and sanctions before the first payment.",
                "Finance Automation", WorkflowStage.PILOT, live(75), List.of("nw-agents"),
                List.of(step("Collect bank details from the vendor portal", HUMAN, "Vendor portal", false, true),
                        step("Pull the credit report", HUMAN, "Credit bureau website", false, true),
                        step("Copy tax ids from the ERP", HUMAN, "SAP S/4HANA", true, true),
                        step("Screen against sanctions lists", AI, "Northwind Agent Platform", false, false),
                        step("Approve the vendor", HUMAN, "SAP S/4HANA", false, false)),
                rights("VP Finance Operations", "Finance Team Lead", "Finance Team Lead", "Machine Learning Engineer",
                        "IT Support Specialist", "Financial Analyst", "Head of IT Platform", "Accountant",
                        "Finance Team Lead"),
                List.of(new Role("checker", "Runs the onboarding checks", staff.all("Accountant").subList(0, 6),
                        List.of(skill("Evaluating AI output", 2), skill("Data literacy", 2)))),
                people(staff.all("Accountant").subList(0, 6)),
                List.of(source("Vendor portal submissions", "Vendor portal", staff.one("Accountant")),
                        source("Credit bureau reports", "Credit bureau", staff.one("Financial Analyst")),
                        source("ERP vendor master", "SAP S/4HANA", staff.nth("Financial Analyst", 1))));
    }

    private WorkflowDefinition emailTriage() {
        return new WorkflowDefinition("email-triage", "Customer email triage",
                "Reading, classifying and routing customer emails, with a drafted first answer.",
                "Customer Service AI", WorkflowStage.PILOT, live(270), List.of("nw-agents"),
                List.of(step("Receive the email", SYSTEM, "Customer mailbox", false, false),
                        step("Classify, route and draft an answer", AI, "Triage agent", false, false),
                        step("Review and send the answer", HUMAN, "Service desk", false, false)),
                rights("VP Customer Service", "Customer Service Team Lead", "Customer Service Team Lead",
                        "Machine Learning Engineer", "IT Support Specialist", "Customer Operations Analyst",
                        "Head of IT Platform", "Customer Operations Analyst", "Customer Service Team Lead"),
                List.of(new Role("agent", "Answers customers with the drafted reply", staff.all("Customer Service Agent"),
                        List.of(skill("Evaluating AI output", 1), skill("Prompt writing", 1)))),
                people(staff.all("Customer Service Agent")),
                List.of(source("Customer mailbox", "Exchange Online", staff.one("Customer Operations Analyst")),
                        source("CRM case history", "Salesforce", staff.nth("Customer Operations Analyst", 1))));
    }

    private WorkflowDefinition claimsAssistant() {
        return new WorkflowDefinition("claims-assistant", "Returns and claims assistant",
                "Assessing damage and loss claims with a proposed settlement.", "Customer Service AI",
                WorkflowStage.PILOT, live(220), List.of("nw-agents"),
                List.of(step("Receive the claim", SYSTEM, "Claims portal", false, false),
                        step("Assess the claim and propose a settlement", AI, "Claims agent", false, false),
                        step("Decide the settlement", HUMAN, "Claims portal", false, false)),
                claimsRights(),
                List.of(new Role("claims handler", "Decides claims with the assistant", staff.all("Claims Specialist"),
                        List.of(skill("Evaluating AI output", 2)))),
                people(staff.all("Claims Specialist")),
                List.of(source("Claims portal", "Claims portal", staff.one("Customer Operations Analyst")),
                        source("Shipment events", "TMS", staff.one("Routing Analyst"))));
    }

    /** The claims handlers share the approval of settlements: one review queue for all of them. */
    private Map<DecisionRight, String> claimsRights() {
        Map<DecisionRight, String> rights = rights("VP Customer Service", null, "Customer Service Team Lead",
                "Machine Learning Engineer", "IT Support Specialist", "Customer Operations Analyst",
                "Head of IT Platform", "Customer Operations Analyst", "Customer Service Team Lead");
        rights.put(DecisionRight.OUTPUT_APPROVER, "role:claims handler");
        return rights;
    }

    private WorkflowDefinition chatDeflection() {
        Map<DecisionRight, String> rights = rights("VP Customer Service", "Customer Service Team Lead", null,
                "Machine Learning Engineer", "IT Support Specialist", "Customer Operations Analyst",
                "Head of IT Platform", "Customer Operations Analyst", null);
        return new WorkflowDefinition("chat-deflection", "Chat deflection",
                "Answering routine chat questions on the website before they reach an agent.", "Customer Service AI",
                WorkflowStage.PILOT, live(60), List.of("nw-agents"),
                List.of(step("Customer asks in the web chat", SYSTEM, "Web chat", false, false),
                        step("Answer from the knowledge base", AI, "Chat agent", false, false),
                        step("Hand over to an agent when unsure", HUMAN, "Service desk", true, false)),
                rights, List.of(new Role("agent", "Takes over chats", staff.all("Customer Service Agent").subList(0, 20),
                        List.of(skill("Evaluating AI output", 1)))),
                people(staff.all("Customer Service Agent").subList(0, 20)),
                List.of(source("Knowledge base", "Confluence", staff.one("Customer Operations Analyst"))));
    }

    private WorkflowDefinition routePlanning() {
        return new WorkflowDefinition("route-planning", "Route-planning copilot",
                "Planning tomorrow's routes with a copilot that proposes stops and sequences.", "Smart Dispatch",
                WorkflowStage.PILOT, live(120), List.of("routemind"),
                List.of(step("Load tomorrow's orders", SYSTEM, "TMS", false, false),
                        step("Propose routes", AI, "RouteMind", false, false),
                        step("Adjust and release routes", HUMAN, "TMS", false, false)),
                rights("VP Dispatch & Routing", "Dispatch Supervisor", "Dispatch Supervisor", "Data Scientist",
                        "IT Support Specialist", "Routing Analyst", "Head of IT Platform", "Routing Analyst",
                        "Dispatch Supervisor"),
                List.of(new Role("planner", "Plans routes with the copilot", staff.all("Route Planner"),
                        List.of(skill("Evaluating AI output", 2)))),
                people(staff.all("Route Planner")),
                List.of(source("Telematics feed", "Fleet telematics", staff.one("Routing Analyst")),
                        source("Order book", "TMS", staff.one("Route Planner"))));
    }

    private WorkflowDefinition loadConsolidation() {
        Map<DecisionRight, String> rights = new EnumMap<>(DecisionRight.class);
        rights.put(DecisionRight.ACCOUNTABLE_OWNER, staff.one("VP Dispatch & Routing"));
        return new WorkflowDefinition("load-consolidation", "Load consolidation",
                "Combining partial loads into full trucks across depots.", "Smart Dispatch", WorkflowStage.IDEA, null,
                List.of(),
                List.of(step("Export open orders from each depot", HUMAN, "Spreadsheet", true, true),
                        step("Merge the depot lists", HUMAN, "Spreadsheet", true, true),
                        step("Call depots to confirm capacity", HUMAN, "Phone", true, false),
                        step("Enter consolidated loads", HUMAN, "TMS", true, true),
                        step("Release the loads", HUMAN, "TMS", false, false)),
                rights, List.of(), people(staff.all("Dispatcher").subList(0, 30)),
                List.of(source("Depot order lists", "Spreadsheets", staff.one("Routing Analyst")),
                        source("Planned loads", "TMS", staff.one("Routing Analyst"))));
    }

    private WorkflowDefinition hiringScreening() {
        return new WorkflowDefinition("hiring-screening", "Hiring screening assistant",
                "Ranking applications against the job profile for recruiters.", "Talent & HR AI",
                WorkflowStage.PILOT, live(100), List.of("talentscreen"),
                List.of(step("Receive applications", SYSTEM, "Applicant tracking system", false, false),
                        step("Rank applications", AI, "TalentScreen", false, false),
                        step("Shortlist candidates", HUMAN, "Applicant tracking system", false, false)),
                rights("Head of HR & Talent", "HR Manager", "HR Manager", "Data Scientist", "IT Support Specialist",
                        "People Analytics Analyst", "Head of IT Platform", "People Analytics Analyst", "HR Manager"),
                List.of(new Role("recruiter", "Shortlists with the ranking", staff.all("Recruiter"),
                        List.of(skill("Evaluating AI output", 2), skill("AI risk awareness", 2)))),
                people(staff.all("Recruiter")),
                List.of(source("Applicant tracking system", "Workday Recruiting", staff.one("People Analytics Analyst"))));
    }

    private WorkflowDefinition policyQa() {
        return new WorkflowDefinition("policy-qa", "Internal policy Q&A",
                "Answering employees' questions about HR, travel and IT policies.", "Talent & HR AI",
                WorkflowStage.PILOT, live(200), List.of("nw-agents"),
                List.of(step("Employee asks a question", HUMAN, "Teams", false, false),
                        step("Answer from the policy library with sources", AI, "Policy agent", false, false)),
                rights("Head of HR & Talent", "HR Manager", "HR Manager", "Machine Learning Engineer",
                        "IT Support Specialist", "People Analytics Analyst", "Head of IT Platform", "HR Business Partner",
                        "HR Manager"),
                List.of(new Role("policy editor", "Keeps answers correct", staff.all("HR Business Partner"),
                        List.of(skill("Evaluating AI output", 2)))),
                new IntendedUsers(List.of(), List.of("Executive Office")),
                List.of(source("Policy library", "SharePoint", staff.one("HR Business Partner"))));
    }

    private WorkflowDefinition proposalDrafting() {
        List<String> sellers = new ArrayList<>(staff.all("Proposal Writer"));
        sellers.addAll(staff.all("Account Executive"));
        return new WorkflowDefinition("proposal-drafting", "Proposal drafting",
                "Drafting customer proposals from the opportunity and the price book.", "Sales Enablement",
                WorkflowStage.PILOT, live(230), List.of("microsoft-365-copilot", "nw-agents"),
                List.of(step("Gather the opportunity details", HUMAN, "Salesforce", false, true),
                        step("Draft the proposal", AI, "Proposal agent", false, false),
                        step("Re-key prices and terms into the quote tool", HUMAN, "CPQ", true, true),
                        step("Send the proposal", HUMAN, "Email", false, false)),
                rights("VP Sales", "Sales Manager", "Sales Manager", "Machine Learning Engineer", "IT Support Specialist",
                        "Sales Operations Analyst", "Head of IT Platform", "Sales Operations Analyst", "Sales Manager"),
                List.of(new Role("seller", "Drafts and sends proposals", sellers,
                        List.of(skill("Prompt writing", 2), skill("Evaluating AI output", 1)))),
                people(sellers),
                List.of(source("Opportunities", "Salesforce", staff.one("Sales Operations Analyst")),
                        source("Price book", "CPQ", staff.one("Sales Operations Analyst"))));
    }

    private WorkflowDefinition accountResearch() {
        return new WorkflowDefinition("account-research", "Account research",
                "Preparing account briefs before customer meetings.", "Sales Enablement", WorkflowStage.PILOT, live(45),
                List.of("microsoft-365-copilot"),
                List.of(step("Ask Copilot for an account brief", AI, "Microsoft 365 Copilot", false, false),
                        step("Check and complete the brief", HUMAN, "Word", false, false)),
                rights("VP Sales", "Sales Manager", "Sales Manager", "IT Manager", "IT Support Specialist",
                        "Sales Operations Analyst", "Head of IT Platform", "Sales Operations Analyst", "Sales Manager"),
                List.of(), people(staff.all("Account Executive")),
                List.of(source("CRM accounts", "Salesforce", staff.one("Sales Operations Analyst"))));
    }

    private WorkflowDefinition damageDetection() {
        return new WorkflowDefinition("damage-detection", "Damage detection",
                "Spotting damaged parcels on the inbound conveyor from camera images.", "Warehouse Vision",
                WorkflowStage.PILOT, live(55), List.of("visionqc"),
                List.of(step("Photograph parcels on the conveyor", SYSTEM, "Conveyor cameras", false, false),
                        step("Flag damaged parcels", AI, "VisionQC", false, false),
                        step("Inspect flagged parcels", HUMAN, "Inspection station", true, false)),
                rights("VP Warehouse Operations", "Shift Supervisor", "Shift Supervisor", "Data Scientist",
                        "IT Support Specialist", "Operations Analyst", "Head of IT Platform", "Operations Analyst",
                        "Shift Supervisor"),
                List.of(new Role("inspector", "Confirms flagged damage", staff.all("Quality Inspector"),
                        List.of(skill("Evaluating AI output", 2)))),
                people(staff.all("Quality Inspector")),
                List.of(source("Conveyor images", "VisionQC edge store", staff.one("Operations Analyst"))));
    }

    private WorkflowDefinition pickPath() {
        Map<DecisionRight, String> rights = new EnumMap<>(DecisionRight.class);
        rights.put(DecisionRight.ACCOUNTABLE_OWNER, staff.one("VP Warehouse Operations"));
        rights.put(DecisionRight.TECHNICAL_OWNER, staff.one("Data Scientist"));
        return new WorkflowDefinition("pick-path", "Pick-path suggestions",
                "Suggesting the shortest picking path for each order batch.", "Warehouse Vision", WorkflowStage.IDEA,
                null, List.of(),
                List.of(step("Print the pick list", SYSTEM, "WMS", false, false),
                        step("Walk the aisles in list order", HUMAN, "Paper pick list", false, false)),
                rights, List.of(), people(staff.all("Warehouse Associate").subList(0, 40)), List.of());
    }

    private WorkflowDefinition contractReview() {
        return new WorkflowDefinition("contract-review", "Contract clause review",
                "Checking customer and vendor contracts against the clause playbook.", "Legal Operations",
                WorkflowStage.PILOT, live(20), List.of("nw-agents"),
                List.of(step("Upload the contract", HUMAN, "Contract repository", false, false),
                        step("Compare clauses with the playbook", AI, "Contract agent", false, false),
                        step("Negotiate deviations", HUMAN, "Email", false, false)),
                rights("Head of Legal & Compliance", "Legal Manager", "Legal Manager", "Machine Learning Engineer",
                        "IT Support Specialist", "Legal Operations Analyst", "Head of IT Platform",
                        "Legal Operations Analyst", "Legal Manager"),
                List.of(new Role("counsel", "Reviews flagged clauses", staff.all("Counsel"),
                        List.of(skill("Evaluating AI output", 2)))),
                people(staff.all("Counsel")),
                List.of(source("Contract repository", "iManage", staff.one("Legal Operations Analyst"))));
    }

    private static Step step(String name, ActorType actor, String tool, boolean handoff, boolean assembly) {
        return new Step(name, actor, tool, handoff, assembly);
    }

    private static SkillRequirement skill(String name, int level) {
        return new SkillRequirement(name, level);
    }

    private static IntendedUsers people(List<String> emails) {
        return new IntendedUsers(emails, List.of());
    }

    private static DataSourceSpec source(String name, String system, String steward) {
        return new DataSourceSpec(name, system, steward);
    }

    /** The nine rights in glossary order, each by the title of its holder ({@code null}: nobody). */
    private Map<DecisionRight, String> rights(String... titles) {
        Map<DecisionRight, String> rights = new EnumMap<>(DecisionRight.class);
        DecisionRight[] all = DecisionRight.values();
        for (int i = 0; i < all.length; i++) {
            rights.put(all[i], titles[i] == null ? null : staff.one(titles[i]));
        }
        return rights;
    }
}
