package dev.pitwall.demo;

import dev.pitwall.people.Level;
import dev.pitwall.people.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates skill assessments and learning records of Northwind Freight: a skills-mapping round
 * about six months ago, courses since (a few tied to workflows), and a manager review after each
 * completed course that raised the skill it trains.
 */
final class NorthwindSkills {

    /** A generated assessment line. */
    record Assessment(String email, String skill, int level, LocalDate date, String source) {
    }

    /** A generated learning line; {@code score} is {@code null} for courses without a test. */
    record Learning(String email, String course, String skill, String status, Integer score, LocalDate date,
            String workflow) {
    }

    private record Course(String name, String skill, boolean tested, String workflow) {
    }

    static final String MAPPING_SOURCE = "skills mapping";
    static final String REVIEW_SOURCE = "manager review";

    private final Random random;
    private final LocalDate today;
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<Learning> learning = new ArrayList<>();
    private final Map<String, Integer> baseline = new HashMap<>();

    NorthwindSkills(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    List<Assessment> assessments() {
        return assessments;
    }

    List<Learning> learning() {
        return learning;
    }

    /** Titles whose skills were all mapped: the people of the workflows that went furthest. */
    private static final java.util.Set<String> FULLY_MAPPED = java.util.Set.of("Customer Service Agent",
            "Claims Specialist", "Accounts Payable Clerk", "Proposal Writer", "Account Executive", "Route Planner");

    void generate(List<DemoPerson> people) {
        LocalDate mapping = today.minusDays(170);
        for (DemoPerson person : people) {
            boolean mapped = random.nextDouble() < 0.75;
            if (mapped || FULLY_MAPPED.contains(person.title())) {
                skillsOf(person).forEach((skill, range) -> assess(person, skill, range, mapping));
            }
        }
        for (DemoPerson person : people) {
            coursesOf(person).forEach(course -> take(person, course));
        }
    }

    private void assess(DemoPerson person, String skill, int[] range, LocalDate date) {
        int level = range[0] + random.nextInt(range[1] - range[0] + 1);
        assessments.add(new Assessment(person.email(), skill, level, date, MAPPING_SOURCE));
        baseline.put(person.email() + "|" + skill, level);
    }

    private Map<String, int[]> skillsOf(DemoPerson person) {
        Map<String, int[]> skills = new java.util.LinkedHashMap<>();
        switch (person.tier()) {
            case BUILDER -> {
                skills.put("Python programming", new int[] {2, 4});
                skills.put("Machine learning engineering", new int[] {1, 4});
                skills.put("LLM application development", new int[] {1, 3});
                skills.put("MLOps and model monitoring", new int[] {1, 3});
                skills.put("Data engineering", new int[] {2, 4});
            }
            case INTEGRATOR -> {
                skills.put("Process analysis", new int[] {2, 3});
                skills.put("Workflow redesign", new int[] {1, 2});
                skills.put("AI product management", new int[] {1, 3});
                skills.put("Prompt writing", new int[] {2, 3});
                skills.put("Evaluating AI output", new int[] {1, 3});
            }
            case CONSUMER -> {
                boolean agent = person.title().equals("Customer Service Agent");
                skills.put("AI fundamentals", new int[] {0, 2});
                skills.put("Prompt writing", agent ? new int[] {1, 3} : new int[] {0, 2});
                skills.put("Evaluating AI output", person.title().equals("Accounts Payable Clerk") ? new int[] {0, 1}
                        : new int[] {0, 2});
                skills.put("AI risk awareness", new int[] {0, 2});
            }
        }
        if (person.level() == Level.EXECUTIVE || person.level() == Level.MANAGER) {
            skills.put("AI strategy", new int[] {0, 2});
            skills.put("AI value measurement", new int[] {0, 2});
            skills.put("Change management", new int[] {1, 3});
        }
        return skills;
    }

    private List<Course> coursesOf(DemoPerson person) {
        List<Course> courses = new ArrayList<>();
        maybe(courses, person.tier() == Tier.CONSUMER ? 0.35 : 0.2,
                new Course("AI Fundamentals for Everyone", "AI fundamentals", true, null));
        maybe(courses, 0.2, new Course("Prompting at Work", "Prompt writing", false, null));
        maybe(courses, person.team().equals("Legal & Compliance") ? 1.0 : 0.15,
                new Course("Responsible AI Essentials", "AI risk awareness", true, null));
        maybe(courses, 0.1, new Course("Policy Q&A assistant introduction", "AI fundamentals", false, "policy-qa"));
        switch (person.tier()) {
            case BUILDER -> maybe(courses, 0.6,
                    new Course("LLM Engineering Bootcamp", "LLM application development", false, null));
            case INTEGRATOR -> maybe(courses, 0.4,
                    new Course("Workflow Redesign Workshop", "Workflow redesign", false, null));
            case CONSUMER -> { }
        }
        switch (person.title()) {
            case "Customer Service Agent" -> maybe(courses, 0.92,
                    new Course("Email triage assistant onboarding", "Evaluating AI output", false, "email-triage"));
            case "Accounts Payable Clerk" -> maybe(courses, 0.2,
                    new Course("InvoiceIQ exception handling training", "Evaluating AI output", true,
                            "invoice-exceptions"));
            case "Claims Specialist" -> maybe(courses, 0.9,
                    new Course("Claims assistant onboarding", "Evaluating AI output", false, "claims-assistant"));
            case "Route Planner" -> maybe(courses, 0.9,
                    new Course("RouteMind copilot onboarding", "Evaluating AI output", false, "route-planning"));
            case "Proposal Writer", "Account Executive" -> maybe(courses, 0.5,
                    new Course("Proposal drafting with AI", "Prompt writing", false, "proposal-drafting"));
            default -> { }
        }
        return courses;
    }

    private void maybe(List<Course> courses, double probability, Course course) {
        if (random.nextDouble() < probability) {
            courses.add(course);
        }
    }

    private void take(DemoPerson person, Course course) {
        LocalDate date = today.minusDays(10 + random.nextInt(141));
        Integer score = course.tested() ? 40 + random.nextInt(61) : null;
        boolean passed = score == null || score >= 60;
        String status = course.tested() ? (passed ? "passed" : "failed") : "completed";
        learning.add(new Learning(person.email(), course.name(), course.skill(), status, score, date, course.workflow()));
        LocalDate review = date.plusDays(14);
        String key = person.email() + "|" + course.skill();
        if (passed && !review.isAfter(today) && baseline.containsKey(key)) {
            int raised = Math.min(4, baseline.get(key) + 1);
            assessments.add(new Assessment(person.email(), course.skill(), raised, review, REVIEW_SOURCE));
            baseline.put(key, raised);
        }
    }
}
