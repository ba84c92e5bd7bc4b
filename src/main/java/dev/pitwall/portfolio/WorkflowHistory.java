package dev.pitwall.portfolio;

import dev.pitwall.people.PersonState;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.WorkflowDetails.RoleHolder;
import dev.pitwall.portfolio.WorkflowDetails.Role;
import dev.pitwall.portfolio.internal.StageChanges;
import dev.pitwall.portfolio.internal.WorkflowParts;
import dev.pitwall.portfolio.internal.WorkflowVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the history of workflows' operating models and reads them as of a date: a snapshot of the
 * parts (initiative, systems, steps, intended users, roles, rights, data sources) with every
 * change, the stage from the dated stage history. What other histories say (whether a person was
 * active, a data source's assessment) is left out of the snapshot and read from those histories.
 */
@Component
class WorkflowHistory {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Most versions kept parsed; beyond it the least recently used are parsed again when asked. */
    private static final int PARSED_VERSIONS = 10_000;

    /** A version's snapshot as parsed while the audit log's last entry was {@code sequence}. */
    private record Parsed(long sequence, WorkflowDetails details) {
    }

    /**
     * Parsed snapshots by version id. A version's snapshot changes only when a person named in it
     * is erased, which the audit log records in the same transaction: a parsed snapshot is used
     * only while the audit log's last entry is the one it was read under, on every node. What
     * callers get from it is copied into new records (or only read), never modified.
     */
    private final Map<Long, Parsed> parsed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Parsed> eldest) {
                    return size() > PARSED_VERSIONS;
                }
            });

    private final WorkflowReader reader;
    private final WorkflowVersions versions;
    private final StageChanges stages;
    private final WorkflowParts parts;
    private final Clock clock;
    private final dev.pitwall.platform.audit.AuditLog auditLog;

    WorkflowHistory(WorkflowReader reader, WorkflowVersions versions, StageChanges stages, WorkflowParts parts,
            Clock clock, dev.pitwall.platform.audit.AuditLog auditLog) {
        this.auditLog = auditLog;
        this.reader = reader;
        this.versions = versions;
        this.stages = stages;
        this.parts = parts;
        this.clock = clock;
    }

    /**
     * Before the first change to a workflow recorded with history, records its parts as they have
     * been since it was created (workflows older than the history have none yet).
     */
    void baseline(Workflow workflow) {
        if (!versions.hasAny(workflow.id())) {
            versions.insert(workflow.id(), workflow.createdAt(), snapshot(reader.details(workflow)));
        }
    }

    /** Records the workflow's parts now, when they differ from its latest version. */
    void record(Workflow workflow) {
        String snapshot = snapshot(reader.details(workflow));
        if (!snapshot.equals(versions.latest(workflow.id()).orElse(null))) {
            versions.insert(workflow.id(), clock.instant(), snapshot);
        }
    }

    /** The workflows with their stage and initiative as of {@code day}. */
    List<Workflow> workflowsOn(List<Workflow> current, LocalDate day) {
        Map<Long, WorkflowStage> stageOn = stages.stagesOn(day);
        Map<Long, WorkflowDetails> snapshots = snapshotsOn(current.stream().map(Workflow::id).toList(), day);
        return current.stream().map(w -> {
            WorkflowDetails then = snapshots.get(w.id());
            return new Workflow(w.id(), w.key(), w.name(), w.description(),
                    then == null ? w.initiativeId() : then.workflow().initiativeId(),
                    then == null ? w.initiativeName() : then.workflow().initiativeName(),
                    stageOn.getOrDefault(w.id(), w.stage()), w.aiGoLive(), w.createdAt(), w.updatedAt());
        }).toList();
    }

    /**
     * The details of workflows (as {@link #workflowsOn} gives them) as of {@code day}: their parts
     * from the snapshot in force, people's activity and tier from their states then, each data
     * source with its latest assessment up to the day.
     */
    Map<Long, WorkflowDetails> detailsOn(List<Workflow> workflows, LocalDate day, Map<Long, PersonState> people) {
        List<Long> ids = workflows.stream().map(Workflow::id).toList();
        Map<Long, WorkflowDetails> snapshots = snapshotsOn(ids, day);
        Map<Long, WorkflowDetails> current = reader.detailsOf(workflows.stream()
                .filter(w -> !snapshots.containsKey(w.id())).toList());
        Map<Long, List<DataSource>> sources = parts.dataSourcesOf(ids, day);
        Map<Long, WorkflowDetails> details = new HashMap<>();
        for (Workflow w : workflows) {
            WorkflowDetails d = snapshots.containsKey(w.id()) ? snapshots.get(w.id()) : current.get(w.id());
            Map<String, DataSource> byName = new HashMap<>();
            sources.getOrDefault(w.id(), List.of()).forEach(s -> byName.put(s.name(), s));
            details.put(w.id(), new WorkflowDetails(w, d.steps(), d.systems(), d.intendedUsers(),
                    d.roles().stream().map(r -> new Role(r.id(), r.name(), r.description(),
                            r.members().stream().map(m -> then(m, people)).toList(), r.skills())).toList(),
                    d.decisionRights().stream().map(r -> new RightHolding(r.right(),
                            r.holder() == null ? null : then(r.holder(), people), r.note(), r.role() == null ? null
                                    : new RoleHolder(r.role().name(), r.role().exists(),
                                            r.role().members().stream().map(m -> then(m, people)).toList())))
                            .toList(),
                    d.dataSources().stream().map(s -> new DataSource(s.id(), s.name(), s.owningSystem(),
                            s.steward() == null ? null : then(s.steward(), people),
                            byName.containsKey(s.name()) ? byName.get(s.name()).latest() : null)).toList()));
        }
        return details;
    }

    /**
     * The snapshots in force on the day, by workflow id. Parsed once per version and kept: an
     * organization scorecard of a past date read and parsed every workflow's snapshots twice, the
     * largest share of its own CPU at 500 workflows (docs/metrics.md, "Benchmark").
     */
    private Map<Long, WorkflowDetails> snapshotsOn(List<Long> ids, LocalDate day) {
        // Read before the snapshots: what is parsed under it is at least as new as it.
        long sequence = auditLog.lastSequence();
        Map<Long, Long> inForce = versions.asOf(ids, day);
        Map<Long, WorkflowDetails> byVersion = new HashMap<>();
        List<Long> unparsed = new java.util.ArrayList<>();
        for (long version : inForce.values()) {
            Parsed known = parsed.get(version);
            if (known != null && known.sequence() == sequence) {
                byVersion.put(version, known.details());
            } else {
                unparsed.add(version);
            }
        }
        versions.parts(unparsed).forEach((version, json) -> {
            WorkflowDetails details = JSON.readValue(json, WorkflowDetails.class);
            parsed.put(version, new Parsed(sequence, details));
            byVersion.put(version, details);
        });
        Map<Long, WorkflowDetails> snapshots = new HashMap<>();
        inForce.forEach((workflow, version) -> {
            // absent only if the workflow was deleted meanwhile
            WorkflowDetails details = byVersion.get(version);
            if (details != null) {
                snapshots.put(workflow, details);
            }
        });
        return snapshots;
    }

    /** A person as they were: active and tier from their state then (unknown people were not active). */
    private static PersonRef then(PersonRef person, Map<Long, PersonState> people) {
        PersonState state = people.get(person.id());
        return new PersonRef(person.id(), person.name(), person.email(), state != null && state.active(),
                state == null ? person.tier() : state.tier());
    }

    /**
     * The stored form of a workflow's parts: only what changes with the operating model itself, so
     * that equal parts give equal text and a new version is written only for a real change.
     */
    private static String snapshot(WorkflowDetails d) {
        Workflow w = d.workflow();
        Workflow header = new Workflow(w.id(), w.key(), null, null, w.initiativeId(), w.initiativeName(), null, null,
                null, null);
        return JSON.writeValueAsString(new WorkflowDetails(header, d.steps(), d.systems(), d.intendedUsers(),
                d.roles().stream().map(r -> new Role(0, r.name(), r.description(),
                        r.members().stream().map(WorkflowHistory::stable).toList(), r.skills())).toList(),
                d.decisionRights().stream().map(r -> new RightHolding(r.right(),
                        r.holder() == null ? null : stable(r.holder()), r.note(), r.role() == null ? null
                                : new RoleHolder(r.role().name(), r.role().exists(),
                                        r.role().members().stream().map(WorkflowHistory::stable).toList())))
                        .toList(),
                d.dataSources().stream().map(s -> new DataSource(s.id(), s.name(), s.owningSystem(),
                        s.steward() == null ? null : stable(s.steward()), null)).toList()));
    }

    private static PersonRef stable(PersonRef person) {
        return new PersonRef(person.id(), person.name(), person.email(), false, null);
    }
}
