package dev.pitwall.demo;

import static dev.pitwall.demo.NorthwindRole.of;
import static dev.pitwall.demo.NorthwindRole.rest;
import static dev.pitwall.people.Level.FRONTLINE;
import static dev.pitwall.people.Level.PRACTITIONER;
import static dev.pitwall.people.Tier.BUILDER;
import static dev.pitwall.people.Tier.CONSUMER;
import static dev.pitwall.people.Tier.INTEGRATOR;

import java.util.List;

/**
 * The shape of Northwind Freight (see DEMO.md): about 1,200 people in 12 teams, about 35
 * builders and 15 integrators, managers about one in ten.
 */
final class NorthwindStructure {

    /** The executive office: the CEO and the executives team heads report to. */
    static final List<String> EXECUTIVES = List.of("Chief Executive Officer", "Chief Financial Officer",
            "Chief Operating Officer", "Chief People Officer", "Chief Technology Officer", "Chief Commercial Officer",
            "General Counsel", "Chief Transformation Officer");

    static final List<NorthwindTeam> TEAMS = List.of(
            new NorthwindTeam("Finance Operations", 110, "VP Finance Operations", "Chief Financial Officer",
                    "Finance Team Lead", List.of(of("Financial Analyst", 3, PRACTITIONER, INTEGRATOR),
                            of("Accounts Payable Clerk", 80, PRACTITIONER, CONSUMER),
                            rest("Accountant", PRACTITIONER)),
                    "Accounts payable and receivable, invoice exceptions, vendor onboarding, closing."),
            new NorthwindTeam("Customer Service", 280, "VP Customer Service", "Chief Operating Officer",
                    "Customer Service Team Lead", List.of(of("Customer Operations Analyst", 2, PRACTITIONER, INTEGRATOR),
                            of("Claims Specialist", 40, PRACTITIONER, CONSUMER),
                            rest("Customer Service Agent", FRONTLINE)),
                    "Customer email, chat and phone; returns and claims."),
            new NorthwindTeam("Sales", 90, "VP Sales", "Chief Commercial Officer", "Sales Manager",
                    List.of(of("Sales Operations Analyst", 1, PRACTITIONER, INTEGRATOR),
                            of("Proposal Writer", 8, PRACTITIONER, CONSUMER),
                            rest("Account Executive", PRACTITIONER)),
                    "New business, key accounts, proposals."),
            new NorthwindTeam("Dispatch & Routing", 200, "VP Dispatch & Routing", "Chief Operating Officer",
                    "Dispatch Supervisor", List.of(of("Routing Analyst", 1, PRACTITIONER, INTEGRATOR),
                            of("Route Planner", 30, PRACTITIONER, CONSUMER),
                            rest("Dispatcher", FRONTLINE)),
                    "Route planning, load consolidation and dispatch of the fleet."),
            new NorthwindTeam("Warehouse Operations", 260, "VP Warehouse Operations", "Chief Operating Officer",
                    "Shift Supervisor", List.of(of("Operations Analyst", 1, PRACTITIONER, INTEGRATOR),
                            of("Quality Inspector", 20, FRONTLINE, CONSUMER),
                            rest("Warehouse Associate", FRONTLINE)),
                    "Receiving, picking, packing, damage inspection."),
            new NorthwindTeam("HR & Talent", 40, "Head of HR & Talent", "Chief People Officer", "HR Manager",
                    List.of(of("People Analytics Analyst", 1, PRACTITIONER, INTEGRATOR),
                            of("Recruiter", 10, PRACTITIONER, CONSUMER),
                            of("Learning & Development Specialist", 6, PRACTITIONER, CONSUMER),
                            rest("HR Business Partner", PRACTITIONER)),
                    "Hiring, learning and development, people operations."),
            new NorthwindTeam("IT Platform", 60, "Head of IT Platform", "Chief Technology Officer", "IT Manager",
                    List.of(of("IT Product Manager", 1, PRACTITIONER, INTEGRATOR),
                            of("Platform Engineer", 10, PRACTITIONER, BUILDER),
                            of("Systems Administrator", 12, PRACTITIONER, CONSUMER),
                            rest("IT Support Specialist", PRACTITIONER)),
                    "Infrastructure, the internal AI platform, workplace IT."),
            new NorthwindTeam("Data & AI", 35, "Head of Data & AI", "Chief Technology Officer", "Data Science Manager",
                    List.of(of("AI Product Manager", 2, PRACTITIONER, INTEGRATOR),
                            of("Data Scientist", 10, PRACTITIONER, BUILDER),
                            of("Machine Learning Engineer", 8, PRACTITIONER, BUILDER),
                            of("Data Engineer", 7, PRACTITIONER, BUILDER),
                            rest("Data Analyst", PRACTITIONER)),
                    "Data platform, analytics, machine learning and LLM applications."),
            new NorthwindTeam("Legal & Compliance", 20, "Head of Legal & Compliance", "General Counsel",
                    "Legal Manager", List.of(of("Legal Operations Analyst", 1, PRACTITIONER, INTEGRATOR),
                            of("Compliance Officer", 5, PRACTITIONER, CONSUMER),
                            rest("Counsel", PRACTITIONER)),
                    "Contracts, regulatory compliance, AI governance."),
            new NorthwindTeam("Procurement", 45, "Head of Procurement", "Chief Financial Officer", "Procurement Manager",
                    List.of(of("Procurement Analyst", 1, PRACTITIONER, INTEGRATOR),
                            rest("Buyer", PRACTITIONER)),
                    "Sourcing, vendor management, purchasing."),
            new NorthwindTeam("Marketing", 40, "Head of Marketing", "Chief Commercial Officer", "Marketing Manager",
                    List.of(of("Marketing Analyst", 1, PRACTITIONER, INTEGRATOR),
                            rest("Marketing Specialist", PRACTITIONER)),
                    "Brand, content, campaigns and market research."));

    static final String EXECUTIVE_OFFICE = "Executive Office";
    static final int EXECUTIVE_OFFICE_SIZE = 12;
    static final List<NorthwindRole> EXECUTIVE_OFFICE_STAFF = List.of(
            of("Chief of Staff", 1, PRACTITIONER, CONSUMER),
            of("Strategy Director", 1, PRACTITIONER, CONSUMER),
            of("Executive Assistant", 2, PRACTITIONER, CONSUMER));

    private NorthwindStructure() {
    }
}
