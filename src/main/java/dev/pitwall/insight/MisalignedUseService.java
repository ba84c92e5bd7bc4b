package dev.pitwall.insight;

import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.IntendedUserService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDefinition;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import dev.pitwall.telemetry.AttributionRule;
import dev.pitwall.telemetry.AttributionRuleDraft;
import dev.pitwall.telemetry.AttributionService;
import dev.pitwall.telemetry.UsageFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Misaligned use explained: who uses AI outside any workflow they are intended for, grouped by
 * team and AI system, with the workflow the use probably belongs to — the workflow using the same
 * system whose intended users include the most members of that team — as a suggestion an owner
 * accepts as an attribution rule or by making the team intended users (docs/insight.md).
 */
@Service
@Transactional(readOnly = true)
public class MisalignedUseService {

    /** The window: the same 28 days as the scorecards' usage figures. */
    static final int WINDOW_DAYS = 28;

    public static final String METHOD = "Events of the last 28 days of people of the directory, by AI system, that are "
            + "not attributed to a workflow the person is an intended user of (attributed to none, or to a workflow "
            + "intended for others), grouped by the person's team and the system. Probable workflow: of the live or "
            + "planned workflows using that system, the one whose intended users include the most members of the "
            + "team (ties by name); none when no workflow uses the system.";

    /**
     * One team's misaligned use of one AI system.
     *
     * @param people how many of its people
     * @param names their names (the first ten)
     * @param events their misaligned events
     * @param suggestion the probable workflow, or {@code null}
     */
    public record Group(Long teamId, String teamName, String systemKey, String systemName, int people, List<String> names,
            long events, Suggestion suggestion, boolean withheld) {

        /** The group without its people's names (for a viewer who may not identify people). */
        Group withoutNames() {
            return new Group(teamId, teamName, systemKey, systemName, people, List.of(), events, suggestion, withheld);
        }

        /** The group with its people and events withheld: fewer than the minimum group size. */
        Group withheldGroup() {
            return new Group(teamId, teamName, systemKey, systemName, 0, List.of(), 0, suggestion, true);
        }
    }

    /**
     * The probable workflow.
     *
     * @param teamMembersIntended how many members of the team are already its intended users
     * @param ruleExists whether an attribution rule already sends this team's use of the system to it
     */
    public record Suggestion(String workflowKey, String workflowName, int teamMembersIntended, boolean ruleExists) {
    }

    public record Report(LocalDate from, LocalDate asOf, String method, long misalignedEvents, long events,
            List<Group> groups) {
    }

    private final PeopleData peopleData;
    private final UsageFacts usage;
    private final WorkflowService workflows;
    private final IntendedUserService intendedUsers;
    private final PersonService people;
    private final AiSystemService systems;
    private final AttributionService attribution;
    private final ScorecardService scorecards;

    MisalignedUseService(UsageFacts usage, WorkflowService workflows, IntendedUserService intendedUsers,
            PersonService people, AiSystemService systems, AttributionService attribution, ScorecardService scorecards,
            PeopleData peopleData) {
        this.peopleData = peopleData;
        this.usage = usage;
        this.workflows = workflows;
        this.intendedUsers = intendedUsers;
        this.people = people;
        this.systems = systems;
        this.attribution = attribution;
        this.scorecards = scorecards;
    }

    public Report report() {
        LocalDate asOf = scorecards.asOf(null);
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1);
        List<Workflow> all = workflows.find(null, null).stream().filter(w -> w.stage() != WorkflowStage.RETIRED).toList();
        Map<Long, WorkflowDetails> details = workflows.detailsOf(all);
        var memo = intendedUsers.teamMemberMemo();
        Map<Long, Set<Long>> intended = new HashMap<>();
        details.forEach((id, d) -> intended.put(id, intendedUsers.intendedUserIds(d, memo)));
        List<UsageFacts.PersonSystemActivity> activity = usage.personSystemActivity(from, asOf);
        long total = activity.stream().mapToLong(UsageFacts.PersonSystemActivity::events).sum();
        List<UsageFacts.PersonSystemActivity> misaligned = activity.stream().filter(a -> a.systemId() > 0)
                .filter(a -> a.workflowId() == 0 || !intended.getOrDefault(a.workflowId(), Set.of()).contains(a.personId()))
                .toList();
        Map<Long, Person> persons = people.findAllById(misaligned.stream().map(UsageFacts.PersonSystemActivity::personId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, AiSystem> systemById = systems.findAll().stream().collect(Collectors.toMap(AiSystem::id, Function.identity()));
        List<AttributionRule> rules = attribution.findAll();
        record Key(Long teamId, long systemId) {
        }
        Map<Key, List<UsageFacts.PersonSystemActivity>> grouped = misaligned.stream().filter(a -> persons.containsKey(a.personId()))
                .collect(Collectors.groupingBy(a -> new Key(persons.get(a.personId()).teamId(), a.systemId())));
        List<Group> groups = new ArrayList<>();
        grouped.forEach((key, rows) -> {
            AiSystem system = systemById.get(key.systemId());
            if (system == null) {
                return;
            }
            Set<Long> who = rows.stream().map(UsageFacts.PersonSystemActivity::personId).collect(Collectors.toSet());
            Person first = persons.get(rows.get(0).personId());
            String teamName = first.teamName();
            Set<Long> teamMembers = key.teamId() == null ? Set.of() : memo.apply(key.teamId());
            Suggestion suggestion = all.stream()
                    .filter(w -> details.get(w.id()).systems().stream().anyMatch(s -> s.id() == key.systemId()))
                    .map(w -> {
                        Set<Long> overlap = new HashSet<>(intended.getOrDefault(w.id(), Set.of()));
                        overlap.retainAll(teamMembers);
                        boolean rule = rules.stream().anyMatch(r -> Objects.equals(r.systemKey(), system.key())
                                && Objects.equals(r.workflowKey(), w.key()) && teamName != null
                                && teamName.equals(r.teamName()));
                        return new Suggestion(w.key(), w.name(), overlap.size(), rule);
                    })
                    .max(Comparator.comparingInt(Suggestion::teamMembersIntended)
                            .thenComparing(Suggestion::workflowName, Comparator.reverseOrder()))
                    .orElse(null);
            groups.add(new Group(key.teamId(), teamName, system.key(), system.name(), who.size(),
                    who.stream().map(persons::get).map(Person::name).sorted().limit(10).toList(),
                    rows.stream().mapToLong(UsageFacts.PersonSystemActivity::events).sum(), suggestion, false));
        });
        groups.sort(Comparator.comparingLong(Group::events).reversed().thenComparing(Group::systemKey));
        return new Report(from, asOf, METHOD, misaligned.stream().mapToLong(UsageFacts.PersonSystemActivity::events).sum(),
                total, groups);
    }

    /**
     * The report as the viewer may see it (docs/privacy.md): people's names only for holders of
     * people:identify (the view audited); groups of fewer people than the minimum group size, and
     * as many more as keep their sum from being read off the total, withheld.
     */
    public Report seenReport() {
        Report report = report();
        PeopleData.View view = peopleData.open("misaligned-use", "misaligned use of the window ending " + report.asOf(),
                report.groups().stream().mapToInt(Group::people).sum());
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        report.groups().forEach(g -> counts.put(g.teamName() + "|" + g.systemKey(), g.people()));
        Set<String> withheld = GroupSuppression.suppressed(counts, peopleData.minGroupSize());
        List<Group> groups = report.groups().stream()
                .map(g -> withheld.contains(g.teamName() + "|" + g.systemKey()) ? g.withheldGroup()
                        : view.identified() ? g : g.withoutNames())
                .toList();
        return new Report(report.from(), report.asOf(), report.method(), report.misalignedEvents(), report.events(),
                groups);
    }

    /** Accepts a suggestion as an attribution rule: the team's use of the system goes to the workflow from now on. */
    @Transactional
    public AttributionRule acceptAsRule(String teamName, String systemKey, String workflowKey) {
        require(teamName, systemKey, workflowKey);
        return attribution.create(new AttributionRuleDraft(("Suggested: " + teamName + " on " + systemKey).substring(0,
                Math.min(200, ("Suggested: " + teamName + " on " + systemKey).length())), 100, systemKey, teamName, null,
                workflowKey, true));
    }

    /** Accepts a suggestion by making the team intended users of the workflow. */
    @Transactional
    public WorkflowDefinition acceptAsIntendedUsers(String teamName, String workflowKey) {
        require(teamName, "-", workflowKey);
        WorkflowDefinition d = workflows.definition(workflowKey);
        WorkflowDefinition.IntendedUsers users = d.intendedUsers() == null
                ? new WorkflowDefinition.IntendedUsers(List.of(), List.of()) : d.intendedUsers();
        if (users.teams() != null && users.teams().stream().anyMatch(t -> t.equalsIgnoreCase(teamName.trim()))) {
            return d;
        }
        List<String> teams = new ArrayList<>(users.teams() == null ? List.of() : users.teams());
        teams.add(teamName.trim());
        WorkflowDefinition changed = new WorkflowDefinition(d.key(), d.name(), d.description(), d.initiative(), d.stage(),
                d.aiGoLive(), d.systems(), d.steps(), d.decisionRights(), d.roles(),
                new WorkflowDefinition.IntendedUsers(users.people() == null ? List.of() : users.people(), teams),
                d.dataSources());
        workflows.apply(changed, field -> field, "intended users from the misaligned-use suggestion");
        return workflows.definition(workflowKey);
    }

    private static void check(List<dev.pitwall.platform.web.Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(dev.pitwall.platform.web.Violation.ofField(field, "at most " + max + " characters"));
        } else {
            dev.pitwall.platform.web.TextPolicy.problem(value)
                    .ifPresent(reason -> violations.add(dev.pitwall.platform.web.Violation.ofField(field, reason)));
        }
    }

    private static void require(String teamName, String systemKey, String workflowKey) {
        List<dev.pitwall.platform.web.Violation> violations = new ArrayList<>();
        if (teamName == null || teamName.isBlank()) {
            violations.add(dev.pitwall.platform.web.Violation.ofField("teamName", "name the team"));
        }
        if (systemKey == null || systemKey.isBlank()) {
            violations.add(dev.pitwall.platform.web.Violation.ofField("systemKey", "name the AI system"));
        }
        if (workflowKey == null || workflowKey.isBlank()) {
            violations.add(dev.pitwall.platform.web.Violation.ofField("workflowKey", "name the workflow"));
        }
        check(violations, "teamName", teamName, 200);
        check(violations, "systemKey", systemKey, 100);
        check(violations, "workflowKey", workflowKey, 100);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The suggestion could not be accepted.", violations);
        }
    }
}
