package dev.pitwall.telemetry.internal;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private final ReferenceCache references;

    EventResolver(PersonService people, TeamService teams, AiSystemService systems, ReferenceCache references) {
        this.people = people;
        this.teams = teams;
        this.systems = systems;
        this.references = references;
    }

    /**
     * Events resolved a while ago (on the Kafka write path) as they may be stored now: those of a
     * person erased in the meantime carry the pseudonymous email instead of the reference they
     * arrived with, and no attributes (which may name the person in ways no longer recognisable,
     * the directory having forgotten them); their figures stay, as erasure keeps every figure.
     */
    public List<ResolvedEvent> withErasuresApplied(List<ResolvedEvent> events) {
        java.util.Set<Long> personIds = new java.util.HashSet<>();
        events.forEach(e -> {
            if (e.personId() != null) {
                personIds.add(e.personId());
            }
        });
        if (personIds.isEmpty()) {
            return events;
        }
        java.util.Map<Long, String> erased = new java.util.HashMap<>();
        for (dev.pitwall.people.Person person : people.findAllById(personIds)) {
            if (person.email().endsWith("@" + dev.pitwall.people.PersonalDataService.ERASED_DOMAIN)) {
                erased.put(person.id(), person.email());
            }
        }
        if (erased.isEmpty()) {
            return events;
        }
        return events.stream().map(e -> {
            String pseudonym = e.personId() == null ? null : erased.get(e.personId());
            if (pseudonym == null) {
                return e;
            }
            IncomingEvent in = e.event();
            IncomingEvent scrubbed = new IncomingEvent(in.line(), in.eventId(), in.time(), pseudonym, in.systemKey(),
                    in.identity(), in.workflowKey(), in.operation(), in.model(), in.inputTokens(), in.outputTokens(),
                    in.cost(), in.latencyMs(), in.error(), in.outcome(), null);
            return new ResolvedEvent(scrubbed, e.personId(), pseudonym, e.systemId(), e.workflowId(), e.attribution(),
                    e.ruleId());
        }).toList();
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
            List<Violation> problems = new ArrayList<>(0);
            Long personId = lookups.person(event.person());
            if (personId == null && personRequired) {
                problems.add(Violation.ofLine(event.line(), "person", event.person() == null ? "is required"
                        : "no person has the email or external id '" + event.person() + "'"));
            }
            Long systemId = lookups.system(event, problems);
            Long workflowId = null;
            Attribution attribution = Attribution.NONE;
            Long ruleId = null;
            if (event.workflowKey() != null) {
                workflowId = lookups.workflow(event.workflowKey());
                attribution = Attribution.EXPLICIT;
                if (workflowId == null) {
                    problems.add(Violation.ofLine(event.line(), "workflow", "no workflow has the key '" + event.workflowKey() + "'"));
                }
            } else if (systemId != null) {
                AttributionRules.Row rule = lookups.rule(systemId, personId, event.operation());
                if (rule != null) {
                    workflowId = rule.workflowId();
                    attribution = Attribution.RULE;
                    ruleId = rule.rule().id();
                }
            }
            if (problems.isEmpty()) {
                resolved.add(new ResolvedEvent(event, personId, event.person(), systemId, workflowId, attribution, ruleId));
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
        AttributionRules.Row rule = lookups.rule(systemId, personId, operation);
        return rule == null ? new Attributed(null, Attribution.NONE, null)
                : new Attributed(rule.workflowId(), Attribution.RULE, rule.rule().id());
    }

    /** A rule attribution. */
    public record Attributed(Long workflowId, Attribution attribution, Long ruleId) {
    }

    /** Lookups for re-attribution: the rules as they are now. */
    public Lookups lookupsForReattribution() {
        references.invalidate();
        return new Lookups(List.of());
    }

    /** What a batch refers to, looked up once. */
    public final class Lookups {
        private final Map<String, Long> personIds;
        private ReferenceCache.References refs;
        private final java.time.Instant started;
        private final Map<TelemetryIdentity, Optional<Long>> identities = new HashMap<>();
        private final Map<Long, Set<Long>> teamMembers = new HashMap<>();

        Lookups(List<IncomingEvent> events) {
            personIds = people.idsByEmailOrExternalId(
                    events.stream().map(IncomingEvent::person).filter(Objects::nonNull).distinct().toList());
            started = references.now();
            refs = references.get();
        }

        Long person(String ref) {
            return ref == null ? null : personIds.get(ref);
        }

        /** A key not found may be new: look once more at fresh references before refusing. */
        private Long fresh(Map<String, Long> ids, String key, java.util.function.Function<ReferenceCache.References, Map<String, Long>> of) {
            Long id = ids.get(key);
            if (id == null) {
                refs = references.reload(started);
                id = of.apply(refs).get(key);
            }
            return id;
        }

        Long workflow(String key) {
            return fresh(refs.workflowIds(), key, ReferenceCache.References::workflowIds);
        }

        Long system(IncomingEvent event, List<Violation> problems) {
            if (event.systemKey() != null) {
                Long id = fresh(refs.systemIds(), event.systemKey(), ReferenceCache.References::systemIds);
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

        AttributionRules.Row rule(long systemId, Long personId, String operation) {
            for (AttributionRules.Row rule : refs.enabledRules()) {
                if (rule.systemId() != systemId) {
                    continue;
                }
                if (rule.rule().operation() != null && !rule.rule().operation().equalsIgnoreCase(operation)) {
                    continue;
                }
                if (rule.teamId() != null && (personId == null || !members(rule.teamId()).contains(personId))) {
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
