package dev.pitwall.telemetry;

import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.NotFoundException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.internal.AttributionRules;
import dev.pitwall.telemetry.internal.EventResolver;
import dev.pitwall.telemetry.internal.ReferenceCache;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Attribution rules, and re-attributing stored events when they change. Events that named their
 * workflow keep it; the others take the first matching enabled rule (by priority), or none.
 */
@Service
@Transactional
public class AttributionService {

    private static final String ENTITY = "attribution-rule";
    /** Events re-attributed per read: bounds memory whatever the range. */
    private static final int CHUNK = 5_000;
    private static final long MAX_DAYS = 400;

    private final AttributionRules rules;
    private final UsageEventStore events;
    private final EventResolver resolver;
    private final RollupService rollups;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final TeamService teams;
    private final AuditLog auditLog;
    private final ReferenceCache references;
    private final Clock clock;

    AttributionService(AttributionRules rules, UsageEventStore events, EventResolver resolver, RollupService rollups,
            AiSystemService systems, WorkflowService workflows, TeamService teams, AuditLog auditLog,
            ReferenceCache references, Clock clock) {
        this.references = references;
        this.rules = rules;
        this.events = events;
        this.resolver = resolver;
        this.rollups = rollups;
        this.systems = systems;
        this.workflows = workflows;
        this.teams = teams;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AttributionRule> findAll() {
        return rules.findAll().stream().map(AttributionRules.Row::rule).toList();
    }

    @Transactional(readOnly = true)
    public AttributionRule get(long id) {
        return rules.findById(id).map(AttributionRules.Row::rule).orElseThrow(() -> new RuleNotFound(id));
    }

    public AttributionRule create(AttributionRuleDraft draft) {
        Refs refs = resolve(draft);
        long id = rules.insert(draft.name().trim(), draft.priority(), refs.systemId, refs.teamId, blankToNull(draft.operation()),
                refs.workflowId, !Boolean.FALSE.equals(draft.enabled()), clock.instant());
        AttributionRule created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        invalidateAfterCommit();
        return created;
    }

    public AttributionRule update(long id, AttributionRuleDraft draft) {
        AttributionRule before = get(id);
        Refs refs = resolve(draft);
        rules.update(id, draft.name().trim(), draft.priority(), refs.systemId, refs.teamId, blankToNull(draft.operation()),
                refs.workflowId, !Boolean.FALSE.equals(draft.enabled()), clock.instant());
        AttributionRule after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        invalidateAfterCommit();
        return after;
    }

    public void delete(long id) {
        AttributionRule before = get(id);
        rules.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, before));
        invalidateAfterCommit();
    }

    /**
     * Re-applies the current rules to the events of a range of days and rebuilds those days'
     * rollups, in one transaction under the rollup lock: readers see the old or the new
     * attribution, never a mix.
     */
    public Reattribution reattribute(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException("from and to are required", List.of(Violation.ofField("from", "is required")));
        }
        if (to.isBefore(from)) {
            throw InvalidInputException.ofField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInputException.ofField("to", "a range covers at most " + MAX_DAYS + " days");
        }
        rollups.lockForRebuild();
        EventResolver.Lookups lookups = resolver.lookupsForReattribution();
        long examined = 0;
        long changed = 0;
        UsageEvents.Attributable after = null;
        while (true) {
            List<UsageEvents.Attributable> chunk = events.attributable(from, to, after, CHUNK);
            List<UsageEvents.Change> changes = new ArrayList<>();
            for (UsageEvents.Attributable event : chunk) {
                EventResolver.Attributed now = resolver.reattribute(event.personId(), event.systemId(), event.operation(),
                        lookups);
                if (!Objects.equals(now.workflowId(), event.workflowId()) || now.attribution() != event.attribution()
                        || !Objects.equals(now.ruleId(), event.ruleId())) {
                    changes.add(new UsageEvents.Change(event.source(), event.eventId(), event.day(), now.workflowId(),
                            now.attribution(), now.ruleId()));
                }
            }
            events.reattribute(changes);
            examined += chunk.size();
            changed += changes.size();
            if (chunk.size() < CHUNK) {
                break;
            }
            after = chunk.get(chunk.size() - 1);
        }
        rollups.rebuild(from, to);
        Reattribution result = new Reattribution(from, to, examined, changed);
        auditLog.append(AuditRecord.created("reattribution", from + ".." + to, result));
        return result;
    }

    /** Ingestion reads the rules from a cache: clear it once the change is visible to others. */
    private void invalidateAfterCommit() {
        references.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    references.invalidate();
                }
            });
        }
    }

    private Refs resolve(AttributionRuleDraft draft) {
        List<Violation> problems = new ArrayList<>();
        Optional<AiSystem> system = systems.findByKey(draft.systemKey());
        if (system.isEmpty()) {
            problems.add(Violation.ofField("systemKey", "no AI system has the key '" + draft.systemKey() + "'"));
        }
        Optional<Workflow> workflow = workflows.findByKey(draft.workflowKey());
        if (workflow.isEmpty()) {
            problems.add(Violation.ofField("workflowKey", "no workflow has the key '" + draft.workflowKey() + "'"));
        }
        Optional<Team> team = Optional.empty();
        if (draft.teamName() != null && !draft.teamName().isBlank()) {
            team = teams.findByName(draft.teamName().trim());
            if (team.isEmpty()) {
                problems.add(Violation.ofField("teamName", "no team is named '" + draft.teamName() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.size() + " field(s) are invalid.", problems);
        }
        return new Refs(system.get().id(), team.map(Team::id).orElse(null), workflow.get().id());
    }

    private record Refs(long systemId, Long teamId, long workflowId) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** No rule has this id (404). */
    public static class RuleNotFound extends NotFoundException {
        RuleNotFound(long id) {
            super("ATTRIBUTION_RULE_NOT_FOUND", "Attribution rule", id);
        }
    }
}
