package dev.pitwall.measurement.internal;

import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.metrics.Targets;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.BudgetLine;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.telemetry.UsageFacts;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Loads a {@link ScoringContext} with a fixed number of bulk reads. */
@Component
public class ScoringContexts {

    private static final int FEW = 20;

    private final AiSystemService systems;
    private final dev.pitwall.portfolio.WorkflowService workflows;
    private final InitiativeService initiatives;
    private final UsageFacts usage;
    private final Kpis kpis;
    private final Measurements measurements;
    private final Deployments deployments;
    private final AvailabilityReports availability;
    private final TargetOverrides targets;
    private final dev.pitwall.portfolio.IntendedUserService intendedUsers;
    private final ConcurrentReads reads;
    private final dev.pitwall.people.LearningRecordService learning;
    private final dev.pitwall.people.SkillAssessmentService assessments;
    private final dev.pitwall.people.TeamService teams;

    ScoringContexts(AiSystemService systems, InitiativeService initiatives, UsageFacts usage, Kpis kpis,
            Measurements measurements, Deployments deployments, AvailabilityReports availability,
            TargetOverrides targets, dev.pitwall.portfolio.WorkflowService workflows,
            dev.pitwall.portfolio.IntendedUserService intendedUsers, ConcurrentReads reads,
            dev.pitwall.people.LearningRecordService learning, dev.pitwall.people.SkillAssessmentService assessments,
            dev.pitwall.people.TeamService teams) {
        this.teams = teams;
        this.reads = reads;
        this.learning = learning;
        this.assessments = assessments;
        this.intendedUsers = intendedUsers;
        this.workflows = workflows;
        this.systems = systems;
        this.initiatives = initiatives;
        this.usage = usage;
        this.kpis = kpis;
        this.measurements = measurements;
        this.deployments = deployments;
        this.availability = availability;
        this.targets = targets;
    }

    /**
     * @param on the as-of date and, for a past one, the people's states then
     * @param allWorkflows every workflow as of the date (initiative spend is shared among all of an initiative's)
     * @param inScope the workflows to score
     */
    public ScoringContext load(ScoringDay on, int windowDays, Targets defaults, List<Workflow> allWorkflows,
            List<Workflow> inScope) {
        LocalDate asOf = on.day();
        LocalDate from = asOf.minusDays(windowDays - 1L);
        List<Long> scopeIds = inScope.stream().map(Workflow::id).toList();
        ConcurrentReads.Read<Map<Long, Map<Long, Integer>>> activeDays = reads.start(
                () -> usage.activeDays(scopeIds, from, asOf));
        Map<Long, AiSystem> systemsById = systems.findAll().stream()
                .collect(Collectors.toMap(AiSystem::id, Function.identity()));
        List<Long> workflowIds = inScope.stream().map(Workflow::id).toList();
        Map<String, Long> idsByKey = inScope.stream().collect(Collectors.toMap(Workflow::key, Workflow::id));
        Map<Long, List<Kpi>> kpisByWorkflow = (on.past() ? kpis.findByWorkflowsOn(workflowIds, asOf)
                : kpis.findByWorkflows(workflowIds)).stream()
                .collect(Collectors.groupingBy(k -> idsByKey.get(k.workflowKey()), HashMap::new, Collectors.toList()));
        List<Long> kpiIds = kpisByWorkflow.values().stream().flatMap(List::stream).map(Kpi::id).toList();
        Map<Long, List<Measurement>> measured = measurements.findUpTo(kpiIds, asOf).stream()
                .collect(Collectors.groupingBy(Measurement::kpiId, HashMap::new, Collectors.toList()));
        Map<Long, Integer> perInitiative = new HashMap<>();
        allWorkflows.stream().map(Workflow::initiativeId).filter(Objects::nonNull)
                .forEach(i -> perInitiative.merge(i, 1, Integer::sum));
        Map<Long, List<BudgetLine>> budget = new HashMap<>();
        inScope.stream().map(Workflow::initiativeId).filter(Objects::nonNull).distinct()
                .forEach(i -> budget.put(i, initiatives.budget(i)));
        List<Long> systemIds = List.copyOf(systemsById.keySet());
        ScoringContext.Parts parts = parts(inScope, on);
        return new ScoringContext(asOf, from, inScope, systemsById, slices(parts, from, asOf),
                activeDays.get(), usage.latestEvaluationScores(systemIds, asOf),
                availability.meanBySystem(systemIds, from, asOf), deployments.successfulBySystem(systemIds, from, asOf),
                kpisByWorkflow, measured, budget, perInitiative, defaults,
                on.past() ? targets.allOn("WORKFLOW", asOf) : targets.all("WORKFLOW"),
                on.past() ? targets.allOn("SYSTEM", asOf) : targets.all("SYSTEM"),
                new java.util.concurrent.ConcurrentHashMap<>(), parts);
    }

    /**
     * Every workflow × system slice in W for a large scope; for a few workflows, only the slices of
     * the AI systems they use (a system's figures need its events in every workflow, nothing more).
     */
    private List<dev.pitwall.telemetry.UsageFacts.Slice> slices(ScoringContext.Parts parts, LocalDate from,
            LocalDate asOf) {
        if (parts.details().size() > FEW) {
            return usage.slices(from, asOf);
        }
        java.util.Set<Long> systemIds = new java.util.HashSet<>();
        parts.details().values().forEach(d -> d.systems().forEach(s -> systemIds.add(s.id())));
        return usage.slices(from, asOf, systemIds, List.copyOf(parts.details().keySet()));
    }

    /** Each team's active members at a past date, read for every team at the first team asked for. */
    private java.util.function.LongFunction<java.util.Set<Long>> membersThen(ScoringDay on) {
        java.util.concurrent.atomic.AtomicReference<Map<Long, java.util.Set<Long>>> byTeam =
                new java.util.concurrent.atomic.AtomicReference<>();
        return team -> {
            if (byTeam.get() == null) {
                byTeam.set(teams.activeMembersByTeam(on.people()));
            }
            return byTeam.get().getOrDefault(team, java.util.Set.of());
        };
    }

    /**
     * The workflows' details, intended users, role members' skill levels and trained users, each
     * read once for the whole scope: scoring 500 workflows one by one took thousands of queries.
     */
    private ScoringContext.Parts parts(List<Workflow> inScope, ScoringDay on) {
        LocalDate asOf = on.day();
        Map<Long, dev.pitwall.portfolio.WorkflowDetails> details = workflows.detailsOn(inScope, asOf, on.people());
        java.util.function.LongFunction<java.util.Set<Long>> teamMembers = on.past()
                ? membersThen(on)
                : intendedUsers.teamMemberMemo();
        Map<Long, java.util.Set<Long>> users = new HashMap<>();
        Map<String, java.util.Set<Long>> usersByKey = new HashMap<>();
        java.util.Set<Long> roleMembers = new java.util.HashSet<>();
        for (Workflow w : inScope) {
            dev.pitwall.portfolio.WorkflowDetails d = details.get(w.id());
            java.util.Set<Long> u = on.past() ? intendedUsers.intendedUserIds(d, teamMembers, on::active)
                    : intendedUsers.intendedUserIds(d, teamMembers);
            users.put(w.id(), u);
            usersByKey.put(w.key(), u);
            d.roles().forEach(r -> r.members().forEach(m -> roleMembers.add(m.id())));
        }
        Map<String, java.util.Set<Long>> trainedByKey = learning.trainedFor(usersByKey, asOf);
        Map<Long, java.util.Set<Long>> trained = new HashMap<>();
        inScope.forEach(w -> trained.put(w.id(), trainedByKey.getOrDefault(w.key(), java.util.Set.of())));
        dev.pitwall.people.SkillHistory skills = assessments.historyOf(roleMembers);
        return new ScoringContext.Parts(details, users, skills.levelsAsOf(roleMembers, asOf), trained, skills);
    }

}
