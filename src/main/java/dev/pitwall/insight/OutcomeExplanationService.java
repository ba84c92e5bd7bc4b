package dev.pitwall.insight;

import dev.pitwall.insight.statistics.ShapleyR2;
import dev.pitwall.measurement.AdoptionLevel;
import dev.pitwall.measurement.MeasurementProperties;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonState;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.DecisionRightsService;
import dev.pitwall.portfolio.IntendedUserService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import dev.pitwall.telemetry.UsageFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What explains outcomes (docs/insight.md): a per-person outcome regressed on organizational,
 * individual and technical factors by ordinary least squares, its R² split among the three groups
 * by Shapley value, with seeded bootstrap 95 % intervals. Thin or collinear data get a reason.
 */
@Service
@Transactional(readOnly = true)
public class OutcomeExplanationService {

    /** Bootstrap resamples and their seed: the same data give the same intervals. */
    static final int RESAMPLES = 200;
    static final long SEED = 20_261_130L;

    public static final String METHOD = "For each person in scope (a workflow's intended users, or the intended users of "
            + "every pilot and production workflow), the outcome is regressed by ordinary least squares on three groups "
            + "of factors: organizational (their team's role clarity and manager support from the latest pulse that showed their team, whether "
            + "they are trained for their workflow, the share of their workflows whose decision rights are all held), "
            + "individual (mean assessed skill level, AI workforce tier) and technical (the mean evaluation score of "
            + "their workflows' AI systems, the share of their AI use that failed). R² is split among the groups by "
            + "Shapley value (the LMG measure): each group's mean gain in R² over every order of entering the model. "
            + "Intervals are the 2.5th and 97.5th percentiles of 200 bootstrap resamples of people (seeded). Factors that "
            + "do not vary in scope are left out; people lacking a factor (a team withheld in the pulse, no skill "
            + "assessed, no decided outcome) are left out, and counted. For a KPI measured per team, the teams are the "
            + "observations: each team's latest value, explained by its members' factors averaged.";

    /** The outcome explained. */
    public enum Outcome {
        /** Adoption level 0–4 from active days in the window (highest over the person's workflows). */
        ADOPTION_LEVEL,
        /** Accepted share of the AI output the person decided on (accepted, edited, overridden, rejected). */
        ACCEPTANCE_RATE,
        /**
         * A KPI measured per team (its latest value by the as-of date): the teams are the
         * observations, each with its members' factors averaged.
         */
        KPI_PER_TEAM
    }

    /** One group's share of the variance explained, with its interval and the factors it holds. */
    public record GroupShare(String group, List<String> factors, double contribution, double low, double high,
            double shareOfExplained) {
    }

    /**
     * The explanation, or why there is none.
     *
     * @param scope the workflow's key, or {@code organization}
     * @param outcome the outcome explained
     * @param asOf the as-of date; the window ends on it
     * @param people observations in the analysis: people, or teams for a KPI measured per team
     * @param unit what an observation is: {@code people} or {@code teams}
     * @param leftOut people in scope left out, by reason
     * @param rSquared the full model's R²
     * @param groups each group's contribution to R²
     * @param resamples bootstrap resamples fitted
     * @param refusal why there is no decomposition
     */
    public record Explanation(String scope, Outcome outcome, String kpi, String unit, LocalDate asOf, LocalDate from,
            int people,
            Map<String, Integer> leftOut, Double rSquared, List<GroupShare> groups, int resamples, String refusal,
            String pulse, String method) {
    }

    private final WorkflowService workflows;
    private final IntendedUserService intendedUsers;
    private final DecisionRightsService rights;
    private final LearningRecordService learning;
    private final SkillAssessmentService assessments;
    private final PersonService people;
    private final UsageFacts usage;
    private final ScorecardService scorecards;
    private final MeasurementProperties measurement;
    private final PulseService pulses;
    private final InsightProperties properties;
    private final dev.pitwall.measurement.KpiService kpis;
    private final dev.pitwall.measurement.TeamMeasurementService teamMeasurements;
    private final dev.pitwall.telemetry.github.AdoptionPhases adoptionPhases;

    OutcomeExplanationService(WorkflowService workflows, IntendedUserService intendedUsers, DecisionRightsService rights,
            LearningRecordService learning, SkillAssessmentService assessments, PersonService people, UsageFacts usage,
            ScorecardService scorecards, MeasurementProperties measurement, PulseService pulses,
            InsightProperties properties, dev.pitwall.measurement.KpiService kpis,
            dev.pitwall.measurement.TeamMeasurementService teamMeasurements,
            dev.pitwall.telemetry.github.AdoptionPhases adoptionPhases) {
        this.adoptionPhases = adoptionPhases;
        this.kpis = kpis;
        this.teamMeasurements = teamMeasurements;
        this.workflows = workflows;
        this.intendedUsers = intendedUsers;
        this.rights = rights;
        this.learning = learning;
        this.assessments = assessments;
        this.people = people;
        this.usage = usage;
        this.scorecards = scorecards;
        this.measurement = measurement;
        this.pulses = pulses;
        this.properties = properties;
    }

    /** Parses an outcome name, 400 naming {@code outcome} otherwise. */
    public static Outcome outcome(String name) {
        if (name == null || name.isBlank()) {
            return Outcome.ADOPTION_LEVEL;
        }
        try {
            return Outcome.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("outcome", "ADOPTION_LEVEL, ACCEPTANCE_RATE or KPI_PER_TEAM");
        }
    }

    /**
     * Explains the outcome for one workflow's intended users ({@code workflowKey}), or for the whole
     * organization ({@code null}).
     */
    public Explanation explain(String workflowKey, Outcome outcome, LocalDate requestedAsOf) {
        return explain(workflowKey, outcome, null, requestedAsOf);
    }

    /**
     * Explains the outcome; for {@link Outcome#KPI_PER_TEAM}, {@code kpiId} names the KPI and the scope
     * is its workflow's intended users.
     */
    public Explanation explain(String requestedWorkflow, Outcome outcome, Long kpiId, LocalDate requestedAsOf) {
        String workflowKey = requestedWorkflow;
        dev.pitwall.measurement.Kpi kpi = null;
        if (outcome == Outcome.KPI_PER_TEAM) {
            if (kpiId == null) {
                throw InvalidInputException.ofField("kpi", "the KPI measured per team to explain");
            }
            kpi = kpis.get(kpiId);
            if (workflowKey != null && !workflowKey.equals(kpi.workflowKey())) {
                throw InvalidInputException.ofField("kpi", "the KPI belongs to the workflow '" + kpi.workflowKey() + "'");
            }
            workflowKey = kpi.workflowKey();
        }
        LocalDate asOf = scorecards.asOf(requestedAsOf);
        LocalDate from = asOf.minusDays(measurement.windowDays() - 1L);
        List<Workflow> scope = workflowKey == null
                ? workflows.find(null, null).stream()
                        .filter(w -> w.stage() == WorkflowStage.PILOT || w.stage() == WorkflowStage.PRODUCTION).toList()
                : List.of(workflows.get(workflowKey));
        String scopeName = workflowKey == null ? "organization" : workflowKey;
        Map<Long, WorkflowDetails> details = workflows.detailsOf(scope);
        var memo = intendedUsers.teamMemberMemo();
        Map<Long, Set<Long>> intended = new HashMap<>();
        details.forEach((id, d) -> intended.put(id, intendedUsers.intendedUserIds(d, memo)));
        // By person id, so the rows (and the bootstrap's resamples of them) come in a stable order.
        Map<Long, Set<Long>> workflowsOf = new java.util.TreeMap<>();
        intended.forEach((workflow, persons) -> persons.forEach(p ->
                workflowsOf.computeIfAbsent(p, k -> new TreeSet<>()).add(workflow)));
        Map<Long, PersonState> states = people.statesOn(asOf);
        workflowsOf.keySet().removeIf(p -> states.get(p) == null || !states.get(p).active());

        // Use in the window, per person and workflow.
        Map<Long, Map<Long, UsageFacts.PersonWorkflowUse>> use = new HashMap<>();
        for (UsageFacts.PersonWorkflowUse u : usage.personWorkflowUse(from, asOf)) {
            use.computeIfAbsent(u.personId(), k -> new HashMap<>()).put(u.workflowId(), u);
        }
        // Team-level factors from the latest pulse.
        PulseService.TeamFigures clarity = pulses.teamFigures(PulseQuestion.ROLE_CLARITY, asOf);
        PulseService.TeamFigures support = pulses.teamFigures(PulseQuestion.SENTIMENT_SUPPORT, asOf);
        // Workflow-level factors.
        Map<Long, Double> rightsHeld = new HashMap<>();
        Map<Long, Double> systemQuality = new HashMap<>();
        Set<Long> systemIds = new HashSet<>();
        details.values().forEach(d -> d.systems().forEach(s -> systemIds.add(s.id())));
        Map<Long, Map<Long, Double>> scores = usage.latestEvaluationScores(systemIds, asOf);
        for (Workflow w : scope) {
            rightsHeld.put(w.id(), rights.report(w.key()).complete() ? 1.0 : 0.0);
            List<Double> quality = details.get(w.id()).systems().stream()
                    .map(s -> scores.getOrDefault(s.id(), Map.of()).get(0L)).filter(q -> q != null).toList();
            systemQuality.put(w.id(), quality.isEmpty() ? Double.NaN
                    : quality.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        }
        Map<String, List<Long>> peopleByWorkflowKey = new HashMap<>();
        scope.forEach(w -> peopleByWorkflowKey.put(w.key(), new ArrayList<>(intended.getOrDefault(w.id(), Set.of()))));
        Map<String, Set<Long>> trained = learning.trainedFor(peopleByWorkflowKey, asOf);
        Map<Long, String> keyOf = new HashMap<>();
        scope.forEach(w -> keyOf.put(w.id(), w.key()));
        Map<Long, Map<Long, Integer>> skills = assessments.levelsAsOf(workflowsOf.keySet(), asOf);
        // GitHub's AI adoption phase (0–3): a factor only where every person in scope has one.
        var phases = adoptionPhases.asOf(asOf);

        List<double[]> rows = new ArrayList<>();
        List<Double> outcomes = new ArrayList<>();
        List<Long> teamOfRow = new ArrayList<>();
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        for (Map.Entry<Long, Set<Long>> entry : workflowsOf.entrySet()) {
            long person = entry.getKey();
            Set<Long> mine = entry.getValue();
            PersonState state = states.get(person);
            Map<Long, UsageFacts.PersonWorkflowUse> personUse = use.getOrDefault(person, Map.of());
            Double y = outcome == Outcome.KPI_PER_TEAM ? Double.valueOf(0) : outcomeOf(outcome, mine, personUse);
            if (y == null) {
                leftOut.merge("no decided outcome of AI output in the window", 1, Integer::sum);
                continue;
            }
            Double teamClarity = state.teamId() == null ? null : clarity.byTeam().get(state.teamId());
            if (teamClarity == null) {
                leftOut.merge("team without a role-clarity result in a pulse (none, or withheld as too small)", 1,
                        Integer::sum);
                continue;
            }
            Map<Long, Integer> levels = skills.getOrDefault(person, Map.of());
            if (levels.isEmpty()) {
                leftOut.merge("no skill assessed", 1, Integer::sum);
                continue;
            }
            double teamSupport = state.teamId() == null ? Double.NaN
                    : support.byTeam().getOrDefault(state.teamId(), Double.NaN);
            double trainedShare = mine.stream().mapToDouble(w -> trained.getOrDefault(keyOf.get(w), Set.of())
                    .contains(person) ? 1 : 0).average().orElse(0);
            double held = mine.stream().mapToDouble(rightsHeld::get).average().orElse(0);
            double skill = levels.values().stream().mapToInt(Integer::intValue).average().orElse(0);
            double quality = mine.stream().mapToDouble(systemQuality::get).filter(q -> !Double.isNaN(q)).average()
                    .orElse(Double.NaN);
            long events = personUse.values().stream().mapToLong(UsageFacts.PersonWorkflowUse::events).sum();
            long errors = personUse.values().stream().mapToLong(UsageFacts.PersonWorkflowUse::errors).sum();
            double errorShare = events == 0 ? 0 : (double) errors / events;
            rows.add(new double[] {teamClarity, teamSupport, trainedShare, held, skill,
                state.tier() == Tier.BUILDER ? 1 : 0, state.tier() == Tier.INTEGRATOR ? 1 : 0, quality, errorShare,
                phases.containsKey(person) ? phases.get(person) : Double.NaN});
            outcomes.add(y);
            teamOfRow.add(state.teamId());
        }
        String pulseTitle = clarity.pulses().isEmpty() ? null : String.join(", ", clarity.pulses());
        String kpiName = kpi == null ? null : kpi.name();
        if (outcome == Outcome.KPI_PER_TEAM) {
            // Teams are the observations: each team's latest value, and its members' factors averaged.
            Map<Long, Double> latest = new HashMap<>();
            teamMeasurements.find(kpi.id(), asOf).forEach(v -> latest.put(v.teamId(), v.value().doubleValue()));
            Map<Long, List<double[]>> byTeam = new java.util.TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                if (latest.containsKey(teamOfRow.get(i))) {
                    byTeam.computeIfAbsent(teamOfRow.get(i), k -> new ArrayList<>()).add(rows.get(i));
                } else {
                    leftOut.merge("in a team without a value of the KPI by the as-of date", 1, Integer::sum);
                }
            }
            List<double[]> teamRows = new ArrayList<>();
            List<Double> teamOutcomes = new ArrayList<>();
            byTeam.forEach((team, members) -> {
                double[] mean = new double[members.get(0).length];
                for (int j = 0; j < mean.length; j++) {
                    int column = j;
                    mean[j] = members.stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
                }
                teamRows.add(mean);
                teamOutcomes.add(latest.get(team));
            });
            return decompose(scopeName, outcome, kpiName, "teams", asOf, from, teamRows, teamOutcomes, leftOut,
                    pulseTitle);
        }
        return decompose(scopeName, outcome, kpiName, "people", asOf, from, rows, outcomes, leftOut, pulseTitle);
    }

    private static Double outcomeOf(Outcome outcome, Set<Long> workflows,
            Map<Long, UsageFacts.PersonWorkflowUse> use) {
        if (outcome == Outcome.ADOPTION_LEVEL) {
            return (double) workflows.stream().mapToInt(w -> AdoptionLevel.of(use.containsKey(w) ? use.get(w).activeDays() : 0))
                    .max().orElse(0);
        }
        long decided = workflows.stream().filter(use::containsKey).mapToLong(w -> use.get(w).decided()).sum();
        long accepted = workflows.stream().filter(use::containsKey).mapToLong(w -> use.get(w).accepted()).sum();
        return decided == 0 ? null : (double) accepted / decided;
    }

    /** The factor columns of each group, by index into a row. */
    private static final String[] NAMES = {"team role clarity (pulse)", "team manager support (pulse)",
        "trained for the workflow", "decision rights all held", "mean assessed skill level", "tier: builder",
        "tier: integrator", "AI system evaluation score", "share of AI use that failed",
        "GitHub AI adoption phase (0-3)"};
    private static final String[][] GROUPS = {{"organizational", "0,1,2,3"}, {"individual", "4,5,6,9"},
        {"technical", "7,8"}};

    private Explanation decompose(String scope, Outcome outcome, String kpi, String unit, LocalDate asOf, LocalDate from,
            List<double[]> rows, List<Double> outcomes, Map<String, Integer> leftOut, String pulse) {
        int n = rows.size();
        int minimum = Math.max(20, properties.minGroupSize());
        if (n < minimum) {
            return refuse(scope, outcome, kpi, unit, asOf, from, n, leftOut, pulse, "too few " + unit + ": " + n
                    + " can be analysed, at least " + minimum + " are needed");
        }
        double[] y = outcomes.stream().mapToDouble(Double::doubleValue).toArray();
        if (variance(y) == 0) {
            return refuse(scope, outcome, kpi, unit, asOf, from, n, leftOut, pulse, "the outcome is the same for everyone in scope");
        }
        List<ShapleyR2.Group> groups = new ArrayList<>();
        List<List<String>> factorNames = new ArrayList<>();
        int columns = 0;
        for (String[] group : GROUPS) {
            List<Integer> kept = new ArrayList<>();
            for (String index : group[1].split(",")) {
                int column = Integer.parseInt(index);
                double[] values = rows.stream().mapToDouble(r -> r[column]).toArray();
                if (java.util.Arrays.stream(values).noneMatch(Double::isNaN) && variance(values) > 1e-12) {
                    kept.add(column);
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            double[][] x = new double[n][kept.size()];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < kept.size(); j++) {
                    x[i][j] = rows.get(i)[kept.get(j)];
                }
            }
            groups.add(new ShapleyR2.Group(group[0], x));
            factorNames.add(kept.stream().map(k -> NAMES[k]).toList());
            columns += kept.size();
        }
        if (groups.size() < 2) {
            return refuse(scope, outcome, kpi, unit, asOf, from, n, leftOut, pulse, "fewer than two groups of factors vary in scope, "
                    + "so there is nothing to split the explained variance among");
        }
        if (n < 5 * (columns + 1)) {
            return refuse(scope, outcome, kpi, unit, asOf, from, n, leftOut, pulse, "too few " + unit + " for " + columns
                    + " factors: "
                    + n + ", at least " + 5 * (columns + 1) + " (five per parameter) are needed");
        }
        ShapleyR2.Result result = ShapleyR2.decompose(y, groups, RESAMPLES, SEED);
        if (result.decomposition() == null) {
            return refuse(scope, outcome, kpi, unit, asOf, from, n, leftOut, pulse, "the factors cannot be told apart: "
                    + result.refusal());
        }
        ShapleyR2.Decomposition d = result.decomposition();
        List<GroupShare> shares = new ArrayList<>();
        for (int j = 0; j < groups.size(); j++) {
            shares.add(new GroupShare(groups.get(j).name(), factorNames.get(j), d.contributions()[j], d.low()[j],
                    d.high()[j], d.rSquared() == 0 ? 0 : d.contributions()[j] / d.rSquared()));
        }
        return new Explanation(scope, outcome, kpi, unit, asOf, from, n, leftOut, d.rSquared(), shares, d.resamples(), null,
                pulse, METHOD);
    }

    private static Explanation refuse(String scope, Outcome outcome, String kpi, String unit, LocalDate asOf,
            LocalDate from, int n, Map<String, Integer> leftOut, String pulse, String reason) {
        return new Explanation(scope, outcome, kpi, unit, asOf, from, n, leftOut, null, List.of(), 0, reason, pulse, METHOD);
    }

    private static double variance(double[] values) {
        return new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(values);
    }
}
