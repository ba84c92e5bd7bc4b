package dev.pitwall.portfolio;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.internal.WorkflowParts;
import dev.pitwall.portfolio.internal.Workflows;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds workflows and applies workflow definitions. Applying is an upsert by key: it validates the
 * whole definition, does nothing when it equals the stored operating model, and otherwise writes
 * the header and replaces the parts in one transaction, moves the stage through the gate, and
 * audits the definition before and after.
 */
@Service
public class WorkflowService {

    static final String ENTITY = "WORKFLOW";
    static final String RIGHT_ENTITY = "DECISION_RIGHT";

    private final WorkflowReader reader;
    private final Workflows workflows;
    private final WorkflowParts parts;
    private final DefinitionResolver resolver;
    private final StageService stages;
    private final AuditLog auditLog;
    private final dev.pitwall.people.PersonService people;
    private final Clock clock;
    private final WorkflowHistory history;

    WorkflowService(WorkflowReader reader, Workflows workflows, WorkflowParts parts, DefinitionResolver resolver,
            StageService stages, AuditLog auditLog, dev.pitwall.people.PersonService people, Clock clock,
            WorkflowHistory history) {
        this.history = history;
        this.people = people;
        this.reader = reader;
        this.workflows = workflows;
        this.parts = parts;
        this.resolver = resolver;
        this.stages = stages;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Workflow> find(WorkflowStage stage, Long initiativeId) {
        return workflows.find(stage, initiativeId);
    }

    @Transactional(readOnly = true)
    public Workflow get(String key) {
        return reader.workflow(key);
    }

    @Transactional(readOnly = true)
    public Optional<Workflow> findByKey(String key) {
        return workflows.findByKey(key);
    }

    @Transactional(readOnly = true)
    public WorkflowDetails details(String key) {
        return reader.details(reader.workflow(key));
    }

    /** The details of these workflows by id, read in bulk (for scoring the whole portfolio). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, WorkflowDetails> detailsOf(List<Workflow> workflows) {
        return reader.detailsOf(workflows);
    }

    /**
     * Every workflow with its stage and initiative as of {@code day} (today's workflows, as they
     * were then; see docs/metrics.md, "What as of means").
     */
    @Transactional(readOnly = true)
    public List<Workflow> findOn(java.time.LocalDate day) {
        List<Workflow> current = workflows.find(null, null);
        return day.isBefore(java.time.LocalDate.now(clock)) ? history.workflowsOn(current, day) : current;
    }

    /**
     * The details of workflows (from {@link #findOn}) as of {@code day}, with people's activity
     * and tier from {@code people}, their states then.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, WorkflowDetails> detailsOn(List<Workflow> workflows, java.time.LocalDate day,
            java.util.Map<Long, dev.pitwall.people.PersonState> people) {
        return day.isBefore(java.time.LocalDate.now(clock)) ? history.detailsOn(workflows, day, people)
                : reader.detailsOf(workflows);
    }

    /** The workflow's operating model, as the API and the YAML export give it. */
    @Transactional(readOnly = true)
    public WorkflowDefinition definition(String key) {
        return reader.definition(details(key));
    }

    /** Creates a workflow; 409 when the key is taken. */
    @Transactional
    public AppliedWorkflow create(WorkflowDefinition definition) {
        if (definition.key() != null && workflows.findByKey(definition.key().trim()).isPresent()) {
            throw new ConflictException("WORKFLOW_KEY_TAKEN", "A workflow with the key '" + definition.key() + "' exists.");
        }
        return apply(definition, UnaryOperator.identity(), null);
    }

    /**
     * Creates or updates the workflow a definition describes. {@code path} names fields in errors
     * (the YAML apply prefixes the document); {@code reason} is recorded with a stage change.
     * Left out, {@code stage} and {@code aiGoLive} keep their stored values.
     */
    @Transactional
    public AppliedWorkflow apply(WorkflowDefinition definition, UnaryOperator<String> path, String reason) {
        ResolvedDefinition resolved = resolver.resolve(definition, path);
        WorkflowDefinition desired = resolved.canonical();
        Optional<Workflow> existing = workflows.findByKey(desired.key());
        WorkflowDefinition before = existing.map(w -> reader.definition(reader.details(w))).orElse(null);
        if (before != null) {
            desired = keepLifecycle(desired, before);
            if (desired.equals(before)) {
                return new AppliedWorkflow(desired.key(), AppliedWorkflow.Action.UNCHANGED, List.of());
            }
        }
        existing.ifPresent(history::baseline);
        Workflow workflow = writeHeader(existing, desired, resolved);
        writeParts(workflow.id(), resolved);
        history.record(reader.workflow(workflow.key()));
        if (desired.stage() != null && desired.stage() != workflow.stage()) {
            changeStage(workflow.key(), desired.stage(), reason, path);
        }
        WorkflowDefinition after = reader.definition(reader.details(reader.workflow(workflow.key())));
        if (before == null) {
            auditLog.append(AuditRecord.created(ENTITY, workflow.key(), after));
            return new AppliedWorkflow(after.key(), AppliedWorkflow.Action.CREATED, List.of());
        }
        auditLog.append(AuditRecord.updated(ENTITY, workflow.key(), before, after));
        List<AppliedWorkflow.FieldChange> changes = DefinitionDiff.between(before, after).stream()
                .map(c -> new AppliedWorkflow.FieldChange(path.apply(c.field()), c.before(), c.after())).toList();
        return new AppliedWorkflow(after.key(), AppliedWorkflow.Action.UPDATED, changes);
    }

    private static WorkflowDefinition keepLifecycle(WorkflowDefinition desired, WorkflowDefinition before) {
        return new WorkflowDefinition(desired.key(), desired.name(), desired.description(), desired.initiative(),
                desired.stage() == null ? before.stage() : desired.stage(),
                desired.aiGoLive() == null ? before.aiGoLive() : desired.aiGoLive(), desired.systems(), desired.steps(),
                desired.decisionRights(), desired.roles(), desired.intendedUsers(), desired.dataSources());
    }

    private Workflow writeHeader(Optional<Workflow> existing, WorkflowDefinition desired, ResolvedDefinition resolved) {
        if (existing.isPresent()) {
            Workflow w = existing.get();
            workflows.update(w.id(), new Workflows.Header(w.key(), desired.name(), desired.description(),
                    resolved.initiativeId(), w.stage(), desired.aiGoLive()), clock.instant());
            return reader.workflow(w.key());
        }
        WorkflowStage initial = desired.stage() == null ? WorkflowStage.IDEA
                : desired.stage() == WorkflowStage.PRODUCTION ? WorkflowStage.PILOT : desired.stage();
        java.time.LocalDate goLive = desired.aiGoLive();
        if (goLive == null && initial == WorkflowStage.PILOT) {
            goLive = java.time.LocalDate.now(clock);
        }
        workflows.insert(new Workflows.Header(desired.key(), desired.name(), desired.description(),
                resolved.initiativeId(), initial, goLive), clock.instant());
        Workflow created = reader.workflow(desired.key());
        stages.recordCreation(created, "created");
        return created;
    }

    private void writeParts(long id, ResolvedDefinition resolved) {
        parts.replaceSteps(id, resolved.steps());
        parts.replaceSystems(id, resolved.systemIds());
        parts.replaceIntendedUsers(id, resolved.personIds(), resolved.teamIds());
        parts.replaceRoles(id, resolved.roles());
        resolved.rights().forEach((right, row) -> parts.setHolder(id, right, row));
        parts.replaceDataSources(id, resolved.dataSources());
    }

    private void changeStage(String key, WorkflowStage stage, String reason, UnaryOperator<String> path) {
        try {
            stages.changeStage(key, new StageChangeRequest(stage, null, reason));
        } catch (GateFailed failed) {
            throw new InvalidInputException("GATE_FAILED", failed.getMessage(), failed.violations().stream()
                    .map(v -> Violation.ofField(path.apply("stage"), v.field() + ": " + v.reason())).toList());
        }
    }

    /**
     * Sets who holds one decision right and its note, audited as a change of that right. The
     * holder is a person's email, {@code role:<name>} for one of the workflow's roles (whose
     * members then share the right; never the accountable owner), or {@code null} for nobody.
     */
    @Transactional
    public WorkflowDetails.RightHolding assignRight(String key, DecisionRight right, String holderEmail, String note) {
        Workflow workflow = reader.workflow(key);
        history.baseline(workflow);
        dev.pitwall.platform.web.TextPolicy.require("holder", holderEmail);
        dev.pitwall.platform.web.TextPolicy.require("note", note);
        if (note != null && note.trim().length() > 500) {
            throw InvalidInputException.ofField("note", "must be at most 500 characters");
        }
        WorkflowDetails.RightHolding before = holding(workflow, right);
        parts.setHolder(workflow.id(), right, holderRow(workflow, right, holderEmail));
        parts.setNote(workflow.id(), right, note == null || note.isBlank() ? null : note.trim());
        history.record(workflow);
        WorkflowDetails.RightHolding after = holding(workflow, right);
        auditLog.append(AuditRecord.updated(RIGHT_ENTITY, key + "/" + right, before, after));
        return after;
    }

    /**
     * Sets the holders and notes of several decision rights at once, all or nothing; rights whose
     * holder and note stay the same are left alone (and not audited). A refusal names the right,
     * e.g. {@code OUTPUT_APPROVER.holder}.
     */
    @Transactional
    public void assignRights(String key, Map<DecisionRight, RightAssignment> assignments) {
        Workflow workflow = reader.workflow(key);
        Map<DecisionRight, WorkflowDetails.RightHolding> current = new java.util.EnumMap<>(DecisionRight.class);
        parts.rights(workflow.id()).forEach(h -> current.put(h.right(), h));
        assignments.forEach((right, assignment) -> {
            String holder = assignment.holderEmail() == null || assignment.holderEmail().isBlank() ? null
                    : assignment.holderEmail().trim();
            String note = assignment.note() == null || assignment.note().isBlank() ? null : assignment.note().trim();
            WorkflowDetails.RightHolding now = current.get(right);
            String nowHolder = now == null ? null : now.holder() != null ? now.holder().email()
                    : now.role() != null ? DefinitionResolver.ROLE_PREFIX + now.role().name() : null;
            if (now != null && java.util.Objects.equals(nowHolder == null ? null : nowHolder.toLowerCase(java.util.Locale.ROOT),
                    holder == null ? null : holder.toLowerCase(java.util.Locale.ROOT)) && java.util.Objects.equals(now.note(), note)) {
                return;
            }
            try {
                assignRight(key, right, holder, note);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.getMessage(), e.violations().stream()
                        .map(v -> Violation.ofField(right.name() + "." + v.field(), v.reason())).toList());
            }
        });
    }

    /**
     * Who should hold a decision right, and a note on it.
     *
     * @param holderEmail the person's email, or {@code role:<name>} for one of the workflow's roles; blank for nobody
     * @param note why, or what it depends on
     */
    public record RightAssignment(String holderEmail, String note) {
    }

    private WorkflowParts.RightRow holderRow(Workflow workflow, DecisionRight right, String holder) {
        if (holder == null || holder.isBlank()) {
            return new WorkflowParts.RightRow(null, null);
        }
        String value = holder.trim();
        String name = DefinitionResolver.roleNamed(value);
        if (name != null) {
            if (right == DecisionRight.ACCOUNTABLE_OWNER) {
                throw InvalidInputException.ofField("holder", "the accountable owner is one named person, not a role");
            }
            List<WorkflowDetails.Role> roles = parts.roles(workflow.id());
            return roles.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
                    .map(r -> new WorkflowParts.RightRow(null, r.name()))
                    .orElseThrow(() -> InvalidInputException.ofField("holder", "the workflow has no role named '" + name
                            + "'" + (roles.isEmpty() ? "; add roles in its definition first"
                            : " (roles: " + String.join(", ", roles.stream().map(WorkflowDetails.Role::name).toList()) + ")")));
        }
        return people.findByEmail(value).map(p -> new WorkflowParts.RightRow(p.id(), null)).orElseThrow(() ->
                InvalidInputException.ofField("holder", "no person has the email " + value));
    }

    private WorkflowDetails.RightHolding holding(Workflow workflow, DecisionRight right) {
        return parts.rights(workflow.id()).stream().filter(r -> r.right() == right).findFirst().orElseThrow();
    }
}
