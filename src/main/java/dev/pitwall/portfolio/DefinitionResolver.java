package dev.pitwall.portfolio;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Skill;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.WorkflowDefinition.DataSourceSpec;
import dev.pitwall.portfolio.WorkflowDefinition.IntendedUsers;
import dev.pitwall.portfolio.WorkflowDefinition.Role;
import dev.pitwall.portfolio.WorkflowDefinition.SkillRequirement;
import dev.pitwall.portfolio.WorkflowDetails.Step;
import dev.pitwall.portfolio.internal.AiSystems;
import dev.pitwall.portfolio.internal.Initiatives;
import dev.pitwall.portfolio.internal.WorkflowParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Checks a workflow definition against the directory and the portfolio, collecting every problem
 * with its field path, and resolves emails, names and keys to ids. The canonical form it returns
 * sorts what has no meaningful order and writes names as stored, so that equal operating models
 * compare equal.
 */
@Component
class DefinitionResolver {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final PersonService people;
    private final TeamService teams;
    private final SkillService skills;
    private final Initiatives initiatives;
    private final AiSystems systems;

    DefinitionResolver(PersonService people, TeamService teams, SkillService skills, Initiatives initiatives,
            AiSystems systems) {
        this.people = people;
        this.teams = teams;
        this.skills = skills;
        this.initiatives = initiatives;
        this.systems = systems;
    }

    /** Resolution of one definition; {@code path} turns a field name into the path reported in errors. */
    ResolvedDefinition resolve(WorkflowDefinition definition, UnaryOperator<String> path) {
        Context context = new Context(path, people.findByEmails(emailsIn(definition)));
        String key = text(context, "key", definition.key(), 100, true);
        if (key != null && !KEY.matcher(key).matches()) {
            context.fail("key", "must be lower-case letters, digits and dashes");
        }
        String name = text(context, "name", definition.name(), 200, true);
        String description = text(context, "description", definition.description(), 4000, false);
        Long initiativeId = null;
        String initiative = null;
        if (definition.initiative() != null && !definition.initiative().isBlank()) {
            var found = initiatives.findByName(definition.initiative());
            if (found.isEmpty()) {
                context.fail("initiative", "no initiative is named '" + definition.initiative() + "'");
            } else {
                initiativeId = found.get().id();
                initiative = found.get().name();
            }
        }
        List<Long> systemIds = new ArrayList<>();
        List<String> systemKeys = resolveSystems(context, definition.systems(), systemIds);
        List<Step> steps = resolveSteps(context, definition.steps());
        List<WorkflowParts.RoleRow> roles = new ArrayList<>();
        List<Role> canonicalRoles = resolveRoles(context, definition.roles(), roles);
        Map<DecisionRight, WorkflowParts.RightRow> rights = new EnumMap<>(DecisionRight.class);
        Map<DecisionRight, String> canonicalRights = resolveRights(context, definition.decisionRights(), canonicalRoles,
                rights);
        List<Long> personIds = new ArrayList<>();
        List<Long> teamIds = new ArrayList<>();
        IntendedUsers users = resolveUsers(context, definition.intendedUsers(), personIds, teamIds);
        List<WorkflowParts.SourceRow> sources = new ArrayList<>();
        List<DataSourceSpec> canonicalSources = resolveSources(context, definition.dataSources(), sources);
        if (!context.violations.isEmpty()) {
            throw new InvalidInputException("INVALID_WORKFLOW",
                    context.violations.size() + " problem(s) in the workflow definition; nothing was changed.",
                    context.violations);
        }
        WorkflowDefinition canonical = new WorkflowDefinition(key, name, description, initiative, definition.stage(),
                definition.aiGoLive(), systemKeys, definition.steps() == null ? List.of() : stepSpecs(steps),
                canonicalRights, canonicalRoles, users, canonicalSources);
        return new ResolvedDefinition(canonical, initiativeId, systemIds, steps, rights, roles, personIds, teamIds, sources);
    }

    private List<String> resolveSystems(Context context, List<String> keys, List<Long> ids) {
        List<String> resolved = new ArrayList<>();
        List<String> given = keys == null ? List.of() : keys;
        for (int i = 0; i < given.size(); i++) {
            String key = given.get(i);
            var system = key == null ? java.util.Optional.<AiSystem>empty() : systems.findByKey(key.trim());
            if (system.isEmpty()) {
                context.fail("systems[" + i + "]", "no AI system has the key '" + key + "'");
            } else if (resolved.contains(system.get().key())) {
                context.fail("systems[" + i + "]", "'" + key + "' is listed twice");
            } else {
                resolved.add(system.get().key());
                ids.add(system.get().id());
            }
        }
        resolved.sort(Comparator.naturalOrder());
        return resolved;
    }

    private List<Step> resolveSteps(Context context, List<WorkflowDefinition.Step> given) {
        List<Step> steps = new ArrayList<>();
        List<WorkflowDefinition.Step> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            WorkflowDefinition.Step step = list.get(i);
            String field = "steps[" + i + "]";
            if (step == null) {
                context.fail(field, "is empty");
                continue;
            }
            String name = text(context, field + ".name", step.name(), 200, true);
            String tool = text(context, field + ".tool", step.tool(), 200, false);
            if (step.actor() == null) {
                context.fail(field + ".actor", "is required: HUMAN, AI or SYSTEM");
            }
            steps.add(new Step(i + 1, name, step.actor(), tool, step.manualHandoff(), step.manualDataAssembly()));
        }
        return steps;
    }

    private static List<WorkflowDefinition.Step> stepSpecs(List<Step> steps) {
        return steps.stream().map(s -> new WorkflowDefinition.Step(s.name(), s.actor(), s.tool(), s.manualHandoff(),
                s.manualDataAssembly())).toList();
    }

    /** The prefix of a right held by a role: {@code OUTPUT_APPROVER: "role:Claims handler"}. */
    static final String ROLE_PREFIX = "role:";

    /** The role a holder names ({@code role:<name>}, any case), trimmed; {@code null} for a person or nobody. */
    static String roleNamed(String holder) {
        String value = holder == null ? "" : holder.trim();
        return value.regionMatches(true, 0, ROLE_PREFIX, 0, ROLE_PREFIX.length())
                ? value.substring(ROLE_PREFIX.length()).trim() : null;
    }

    private Map<DecisionRight, String> resolveRights(Context context, Map<DecisionRight, String> given, List<Role> roles,
            Map<DecisionRight, WorkflowParts.RightRow> rows) {
        Map<DecisionRight, String> canonical = new LinkedHashMap<>();
        for (DecisionRight right : DecisionRight.values()) {
            String value = given == null ? null : given.get(right);
            String field = "decisionRights." + right.name();
            String name = roleNamed(value);
            if (name != null) {
                Role role = roles.stream().filter(r -> r.name() != null && r.name().trim().equalsIgnoreCase(name))
                        .findFirst().orElse(null);
                if (right == DecisionRight.ACCOUNTABLE_OWNER) {
                    context.fail(field, "the accountable owner is one named person, not a role");
                } else if (role == null) {
                    context.fail(field, "the workflow has no role named '" + name + "' (roles: "
                            + roles.stream().map(Role::name).toList() + ")");
                } else {
                    rows.put(right, new WorkflowParts.RightRow(null, role.name().trim()));
                    canonical.put(right, ROLE_PREFIX + role.name().trim());
                }
                continue;
            }
            Person holder = context.person(field, value);
            rows.put(right, new WorkflowParts.RightRow(holder == null ? null : holder.id()));
            canonical.put(right, holder == null ? null : holder.email());
        }
        return canonical;
    }

    private List<Role> resolveRoles(Context context, List<Role> given, List<WorkflowParts.RoleRow> rows) {
        List<Role> canonical = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Role> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            Role role = list.get(i);
            String field = "roles[" + i + "]";
            String name = role == null ? null : text(context, field + ".name", role.name(), 100, true);
            if (role == null || name == null) {
                context.failIf(role == null, field, "is empty");
                continue;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                context.fail(field + ".name", "the role '" + name + "' is defined twice");
            }
            String description = text(context, field + ".description", role.description(), 1000, false);
            List<Person> members = new ArrayList<>();
            List<String> emails = role.members() == null ? List.of() : role.members();
            for (int m = 0; m < emails.size(); m++) {
                Person member = context.person(field + ".members[" + m + "]", emails.get(m));
                if (member != null && members.stream().noneMatch(p -> p.id() == member.id())) {
                    members.add(member);
                }
            }
            Map<Long, Integer> levels = new LinkedHashMap<>();
            List<SkillRequirement> requirements = resolveRequirements(context, field, role.skills(), levels);
            members.sort(Comparator.comparing(Person::email));
            rows.add(new WorkflowParts.RoleRow(name, description, members.stream().map(Person::id).toList(), levels));
            canonical.add(new Role(name, description, members.stream().map(Person::email).toList(), requirements));
        }
        return canonical;
    }

    private List<SkillRequirement> resolveRequirements(Context context, String field, List<SkillRequirement> given,
            Map<Long, Integer> levels) {
        List<SkillRequirement> canonical = new ArrayList<>();
        List<SkillRequirement> list = given == null ? List.of() : given;
        for (int s = 0; s < list.size(); s++) {
            SkillRequirement requirement = list.get(s);
            String path = field + ".skills[" + s + "]";
            Skill skill = requirement == null || requirement.skill() == null ? null
                    : skills.findByName(requirement.skill()).orElse(null);
            if (skill == null) {
                context.fail(path + ".skill", requirement == null || requirement.skill() == null ? "is required"
                        : "'" + requirement.skill() + "' is not in the skills catalog");
                continue;
            }
            if (requirement.level() == null || requirement.level() < 1 || requirement.level() > 4) {
                context.fail(path + ".level", "must be between 1 and 4");
                continue;
            }
            if (levels.putIfAbsent(skill.id(), requirement.level()) != null) {
                context.fail(path + ".skill", "'" + skill.name() + "' is required twice");
                continue;
            }
            canonical.add(new SkillRequirement(skill.name(), requirement.level()));
        }
        canonical.sort(Comparator.comparing(SkillRequirement::skill));
        return canonical;
    }

    private IntendedUsers resolveUsers(Context context, IntendedUsers given, List<Long> personIds, List<Long> teamIds) {
        List<String> emails = new ArrayList<>();
        List<String> teamNames = new ArrayList<>();
        List<String> people = given == null || given.people() == null ? List.of() : given.people();
        for (int i = 0; i < people.size(); i++) {
            Person person = context.person("intendedUsers.people[" + i + "]", people.get(i));
            if (person != null && !personIds.contains(person.id())) {
                personIds.add(person.id());
                emails.add(person.email());
            }
        }
        List<String> teamList = given == null || given.teams() == null ? List.of() : given.teams();
        for (int i = 0; i < teamList.size(); i++) {
            String name = teamList.get(i);
            Team team = name == null ? null : teams.findByName(name).orElse(null);
            if (team == null) {
                context.fail("intendedUsers.teams[" + i + "]", "no team is named '" + name + "'");
            } else if (!teamIds.contains(team.id())) {
                teamIds.add(team.id());
                teamNames.add(team.name());
            }
        }
        emails.sort(Comparator.naturalOrder());
        teamNames.sort(Comparator.naturalOrder());
        return new IntendedUsers(emails, teamNames);
    }

    private List<DataSourceSpec> resolveSources(Context context, List<DataSourceSpec> given,
            List<WorkflowParts.SourceRow> rows) {
        List<DataSourceSpec> canonical = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<DataSourceSpec> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            DataSourceSpec source = list.get(i);
            String field = "dataSources[" + i + "]";
            String name = source == null ? null : text(context, field + ".name", source.name(), 200, true);
            if (source == null || name == null) {
                context.failIf(source == null, field, "is empty");
                continue;
            }
            if (!names.add(name)) {
                context.fail(field + ".name", "the data source '" + name + "' is listed twice");
            }
            String system = text(context, field + ".owningSystem", source.owningSystem(), 200, false);
            Person steward = context.person(field + ".steward", source.steward());
            rows.add(new WorkflowParts.SourceRow(name, system, steward == null ? null : steward.id()));
            canonical.add(new DataSourceSpec(name, system, steward == null ? null : steward.email()));
        }
        canonical.sort(Comparator.comparing(DataSourceSpec::name));
        return canonical;
    }

    private static String text(Context context, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            context.failIf(required, field, "is required");
            return null;
        }
        if (value.trim().length() > max) {
            context.fail(field, "is longer than " + max + " characters");
            return null;
        }
        return value.trim();
    }

    private static List<String> emailsIn(WorkflowDefinition definition) {
        Stream<String> rights = definition.decisionRights() == null ? Stream.empty()
                : definition.decisionRights().values().stream()
                        .filter(v -> roleNamed(v) == null);
        Stream<String> members = definition.roles() == null ? Stream.empty()
                : definition.roles().stream().filter(Objects::nonNull).filter(r -> r.members() != null)
                        .flatMap(r -> r.members().stream());
        Stream<String> users = definition.intendedUsers() == null || definition.intendedUsers().people() == null
                ? Stream.empty() : definition.intendedUsers().people().stream();
        Stream<String> stewards = definition.dataSources() == null ? Stream.empty()
                : definition.dataSources().stream().filter(Objects::nonNull).map(DataSourceSpec::steward);
        return Stream.of(rights, members, users, stewards).flatMap(s -> s).filter(Objects::nonNull)
                .filter(e -> !e.isBlank()).distinct().toList();
    }

    /** The problems found so far, and the people the definition names. */
    private static final class Context {
        private final UnaryOperator<String> path;
        private final Map<String, Person> people;
        private final List<Violation> violations = new ArrayList<>();

        Context(UnaryOperator<String> path, Map<String, Person> people) {
            this.path = path;
            this.people = new HashMap<>(people);
        }

        void fail(String field, String reason) {
            violations.add(Violation.ofField(path.apply(field), reason));
        }

        void failIf(boolean condition, String field, String reason) {
            if (condition) {
                fail(field, reason);
            }
        }

        /** The person with this email, {@code null} when none is named; a missing person is a problem. */
        Person person(String field, String email) {
            if (email == null || email.isBlank()) {
                return null;
            }
            Person person = people.get(email.trim().toLowerCase(Locale.ROOT));
            if (person == null) {
                fail(field, "no person has the email " + email.trim());
            }
            return person;
        }
    }
}
