package dev.pitwall.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How one workflow's AI is used in the demo: by whom, at which adoption levels (shares of levels
 * 0..4), how many operations on an active day, through which system, and what people do with the
 * output (shares of ACCEPTED, EDITED, OVERRIDDEN, REJECTED; the rest UNKNOWN).
 *
 * @param workflow the workflow key
 * @param users emails of the people who may use it
 * @param levels shares of adoption levels 0..4 among them
 * @param minEvents fewest operations on an active day
 * @param maxEvents most operations on an active day
 * @param service OpenTelemetry {@code service.name}, or {@code null} for native events
 * @param agent {@code gen_ai.agent.name}, or {@code null}
 * @param provider {@code gen_ai.provider.name}
 * @param model the model before a model update (and after, when there is none)
 * @param explicit whether events name their workflow ({@code pitwall.workflow}); else rules attribute them
 * @param outcomes shares of ACCEPTED, EDITED, OVERRIDDEN, REJECTED
 * @param update when the model changed, or {@code null}
 * @param updatedModel the model after the update
 * @param updatedOutcomes outcome shares after the update
 * @param quality mean evaluation score (before the update)
 * @param updatedQuality mean evaluation score after the update
 */
record NorthwindUsagePlan(String workflow, List<String> users, double[] levels, int minEvents, int maxEvents,
        String service, String agent, String provider, String model, boolean explicit, double[] outcomes,
        LocalDate update, String updatedModel, double[] updatedOutcomes, double quality, double updatedQuality) {

    static NorthwindUsagePlan plan(String workflow, List<String> users, double[] levels, int minEvents, int maxEvents,
            String service, String agent, String provider, String model, boolean explicit, double[] outcomes,
            double quality) {
        return new NorthwindUsagePlan(workflow, users, levels, minEvents, maxEvents, service, agent, provider, model,
                explicit, outcomes, null, model, outcomes, quality, quality);
    }

    boolean updatedBy(LocalDate day) {
        return update != null && !day.isBefore(update);
    }

    static List<NorthwindUsagePlan> all(NorthwindStaff staff, List<DemoPerson> people, LocalDate today) {
        List<NorthwindUsagePlan> plans = new ArrayList<>();
        plans.add(plan("invoice-exceptions", staff.all("Accounts Payable Clerk"), levels(0.45, 0.30, 0.20, 0.05, 0),
                4, 10, "invoiceiq", null, "northwind", "invoiceiq-2.3", false, outcomes(0.93, 0.05, 0.015, 0.005), 0.99));
        plans.add(plan("email-triage", staff.all("Customer Service Agent"), levels(0, 0.05, 0.10, 0.35, 0.50),
                12, 24, "nw-agents", "triage-agent", "azure.ai.openai", "gpt-4o-mini", true,
                outcomes(0.82, 0.13, 0.03, 0.01), 0.94));
        plans.add(claims(staff, today));
        plans.add(plan("chat-deflection", staff.all("Customer Service Agent").subList(0, 20), levels(0.3, 0.4, 0.3, 0, 0),
                2, 6, "nw-agents", "deflection-agent", "azure.ai.openai", "gpt-4o-mini", true,
                outcomes(0.6, 0.2, 0.1, 0.1), 0.81));
        plans.add(plan("vendor-onboarding", staff.all("Accountant").subList(0, 6), levels(0.2, 0.4, 0.4, 0, 0),
                1, 4, "nw-agents", "vendor-agent", "azure.ai.openai", "gpt-4o", true, outcomes(0.7, 0.2, 0.08, 0.02), 0.88));
        plans.add(plan("route-planning", staff.all("Route Planner"), levels(0.1, 0.15, 0.35, 0.3, 0.1), 5, 12, null, null,
                "routemind", "routemind-large", true, outcomes(0.55, 0.3, 0.1, 0.05), 0.87));
        plans.add(plan("hiring-screening", staff.all("Recruiter"), levels(0.1, 0.3, 0.4, 0.2, 0), 3, 8, "talentscreen",
                null, "talentscreen", "ts-screen-1", false, outcomes(0.5, 0.2, 0.2, 0.1), 0.86));
        plans.add(plan("policy-qa", everyone(people), levels(0.72, 0.2, 0.07, 0.01, 0), 1, 2, "nw-agents",
                "policy-agent", "azure.ai.openai", "gpt-4o-mini", true, outcomes(0.7, 0.05, 0.05, 0.05), 0.9));
        List<String> sellers = new ArrayList<>(staff.all("Proposal Writer"));
        sellers.addAll(staff.all("Account Executive"));
        plans.add(plan("proposal-drafting", sellers, levels(0.05, 0.1, 0.25, 0.45, 0.15), 2, 5, "nw-agents",
                "proposal-agent", "azure.ai.openai", "gpt-4o", true, outcomes(0.86, 0.12, 0.01, 0.01), 0.95));
        plans.add(plan("account-research", staff.all("Account Executive"), levels(0.3, 0.3, 0.3, 0.1, 0), 1, 3,
                "nw-agents", "research-agent", "azure.ai.openai", "gpt-4o", true, outcomes(0.6, 0.3, 0.05, 0.05), 0.9));
        plans.add(plan("damage-detection", staff.all("Quality Inspector"), levels(0.05, 0.1, 0.3, 0.4, 0.15), 8, 20,
                "visionqc", null, "northwind", "visionqc-1.4", false, outcomes(0.8, 0.05, 0.12, 0.03), 0.95));
        plans.add(plan("contract-review", staff.all("Counsel"), levels(0.2, 0.3, 0.4, 0.1, 0), 1, 4, "nw-agents",
                "contract-agent", "anthropic", "claude-sonnet-4", true, outcomes(0.5, 0.4, 0.05, 0.05), 0.9));
        return plans;
    }

    /** The claims assistant: its model was updated three weeks ago; quality fell and overrides rose. */
    private static NorthwindUsagePlan claims(NorthwindStaff staff, LocalDate today) {
        return new NorthwindUsagePlan("claims-assistant", staff.all("Claims Specialist"), levels(0, 0.05, 0.15, 0.4, 0.4),
                5, 12, "nw-agents", "claims-agent", "azure.ai.openai", "gpt-4o-2024-08", true,
                outcomes(0.80, 0.15, 0.04, 0.01), today.minusDays(21), "gpt-4.1-2025-04",
                outcomes(0.52, 0.2, 0.2, 0.08), 0.91, 0.72);
    }

    private static List<String> everyone(List<DemoPerson> people) {
        return people.stream().map(DemoPerson::email).toList();
    }

    private static double[] levels(double... shares) {
        return shares;
    }

    private static double[] outcomes(double... shares) {
        return shares;
    }
}
