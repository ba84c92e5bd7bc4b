package dev.pitwall.telemetry.internal;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Resolves a batch of events to people, AI systems and workflows, with one lookup per kind for the
 * whole batch, and attributes each to a workflow: the one it names, else the first matching rule,
 * else none.
 */
@Component
public class EventResolver {

    private final PersonService people;
    private final TeamService teams;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final AttributionRules rules;

    EventResolver(PersonService people, TeamService teams, AiSystemService systems, WorkflowService workflows,
            AttributionRules rules) {
        this.people = people;
        this.teams = teams;
        this.systems = systems;
        this.workflows = workflows;
        this.rules = rules;
    }

    /** The events that resolved, and why each other one was refused. */
    public record Resolution(List<ResolvedEvent> events, List<Violation> rejections) {
    }

    /**
     * Resolves events. With {@code personRequired}, an event must name a person of the directory;
     * otherwise unknown references are kept as unattributed people.
     */
    public Resolution resolve(List<IncomingEvent> events, boolean personRequired) {
        Lookups lookups = new Lookups(events);
        List<ResolvedEvent> resolved = new ArrayList<>(events.size());
        List<Violation> rejections = new ArrayList<>();
        for (IncomingEvent event : events) {
            List<Violation> problems = new ArrayList<>();
            Person person = lookups.person(event.person());
            if (person == null && personRequired) {
                problems.add(Violation.ofLine(event.line(), "person", event.person() == null ? "is required"
                        : "no person has the email or external id '" + event.person() + "'"));
            }
            Long systemId = lookups.system(event, problems);
            Long workflowId = null;
            Attribution attribution = Attribution.NONE;
            Long ruleId = null;
            if (event.workflowKey() != null) {
                workflowId = lookups.workflowIds.get(event.workflowKey());
                attribution = Attribution.EXPLICIT;
                if (workflowId == null) {
                    problems.add(Violation.ofLine(event.line(), "workflow", "no workflow has the key '" + event.workflowKey() + "'"));
                }
            } else if (systemId != null) {
                AttributionRules.Row rule = lookups.rule(systemId, person, event.operation());
                if (rule != null) {
                    workflowId = rule.workflowId();
                    attribution = Attribution.RULE;
                    ruleId = rule.rule().id();
                }
            }
            if (problems.isEmpty()) {
                resolved.add(new ResolvedEvent(event, person == null ? null : person.id(), event.person(), systemId,
                        workflowId, attribution, ruleId));
            } else {
                rejections.addAll(problems);
            }
        }
        return new Resolution(resolved, rejections);
    }

    /** Re-decides the rule attribution of stored events (those that did not name their workflow). */
    public Attributed reattribute(Long personId, Long systemId, String operation, Lookups lookups) {
        if (systemId == null) {
            return new Attributed(null, Attribution.NONE, null);
        }
        Person person = personId == null ? null : lookups.personById(personId);
        AttributionRules.Row rule = lookups.rule(systemId, person, operation);
        return rule == null ? new Attributed(null, Attribution.NONE, null)
                : new Attributed(rule.workflowId(), Attribution.RULE, rule.rule().id());
    }

    /** A rule attribution. */
    public record Attributed(Long workflowId, Attribution attribution, Long ruleId) {
    }

    /** Lookups for re-attribution, loaded once. */
    public Lookups lookupsForReattribution() {
        return new Lookups(List.of());
    }

    /** What a batch refers to, looked up once. */
    public final class Lookups {
        private final Map<String, Person> byEmail;
        private final Map<String, Person> byExternalId;
        private final Map<Long, Person> byId = new HashMap<>();
        private final Map<String, Long> systemIds = new HashMap<>();
        private final Map<TelemetryIdentity, Optional<Long>> identities = new HashMap<>();
        private final Map<String, Long> workflowIds = new HashMap<>();
        private final List<AttributionRules.Row> enabledRules;
        private final Map<Long, Set<Long>> teamMembers = new HashMap<>();

        Lookups(List<IncomingEvent> events) {
            List<String> refs = events.stream().map(IncomingEvent::person).filter(Objects::nonNull).distinct().toList();
            byEmail = people.findByEmails(refs.stream().filter(r -> r.contains("@")).toList());
            byExternalId = people.findByExternalIds(refs.stream().filter(r -> !r.contains("@")).toList());
            for (AiSystem system : systems.findAll()) {
                systemIds.put(system.key(), system.id());
            }
            for (Workflow workflow : workflows.find(null, null)) {
                workflowIds.put(workflow.key(), workflow.id());
            }
            enabledRules = rules.findAll().stream().filter(r -> r.rule().enabled()).toList();
        }

        Person person(String ref) {
            if (ref == null) {
                return null;
            }
            return ref.contains("@") ? byEmail.get(ref.trim().toLowerCase(Locale.ROOT)) : byExternalId.get(ref.trim());
        }

        Person personById(long id) {
            return byId.computeIfAbsent(id, key -> people.findAllById(List.of(key)).stream().findFirst().orElse(null));
        }

        Long system(IncomingEvent event, List<Violation> problems) {
            if (event.systemKey() != null) {
                Long id = systemIds.get(event.systemKey());
                if (id == null) {
                    problems.add(Violation.ofLine(event.line(), "system", "no AI system has the key '" + event.systemKey() + "'"));
                }
                return id;
            }
            if (event.identity() == null) {
                return null;
            }
            return identities.computeIfAbsent(event.identity(),
                    identity -> systems.lookup(identity).map(AiSystemService.AiSystemMatch::systemId)).orElse(null);
        }

        AttributionRules.Row rule(long systemId, Person person, String operation) {
            for (AttributionRules.Row rule : enabledRules) {
                if (rule.systemId() != systemId) {
                    continue;
                }
                if (rule.rule().operation() != null && !rule.rule().operation().equalsIgnoreCase(operation)) {
                    continue;
                }
                if (rule.teamId() != null && (person == null || !members(rule.teamId()).contains(person.id()))) {
                    continue;
                }
                return rule;
            }
            return null;
        }

        private Set<Long> members(long teamId) {
            return teamMembers.computeIfAbsent(teamId, teams::activeMemberIds);
        }
    }
}
