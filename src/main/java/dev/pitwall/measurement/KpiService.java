package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.Kpis;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the measurement contracts of workflows: their KPIs, as a tree; every change is audited. */
@Service
public class KpiService {

    static final String ENTITY = "KPI";

    private final Kpis kpis;
    private final WorkflowService workflows;
    private final PersonService people;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    KpiService(Kpis kpis, WorkflowService workflows, PersonService people, AuditLog auditLog, InputValidator validator,
            Clock clock) {
        this.kpis = kpis;
        this.workflows = workflows;
        this.people = people;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    /** A workflow's KPIs in the order they were defined. */
    @Transactional(readOnly = true)
    public List<Kpi> ofWorkflow(String workflowKey) {
        return kpis.findByWorkflow(workflows.get(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public Kpi get(long id) {
        return kpis.findById(id).orElseThrow(() -> new KpiNotFound(id));
    }

    /** The KPI of a workflow with this name (case and spacing ignored). */
    @Transactional(readOnly = true)
    public Kpi get(String workflowKey, String name) {
        return kpis.findByName(workflows.get(workflowKey).id(), name)
                .orElseThrow(() -> new KpiNotFound(workflowKey + "/" + name));
    }

    @Transactional
    public Kpi create(String workflowKey, KpiDraft draft) {
        Workflow workflow = workflows.get(workflowKey);
        KpiDraft kpi = check(workflow, draft, null);
        if (kpis.findByName(workflow.id(), kpi.name()).isPresent()) {
            throw nameTaken(kpi.name());
        }
        long id = kpis.insert(workflow.id(), kpi, ownerId(kpi), clock.instant());
        Kpi created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public Kpi update(long id, KpiDraft draft) {
        Kpi before = get(id);
        Workflow workflow = workflows.get(before.workflowKey());
        KpiDraft kpi = check(workflow, draft, id);
        kpis.findByName(workflow.id(), kpi.name()).filter(other -> other.id() != id).ifPresent(other -> {
            throw nameTaken(kpi.name());
        });
        kpis.update(id, kpi, ownerId(kpi), clock.instant());
        Kpi after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /** Deletes a KPI with its measurements; refused while other KPIs hang below it in the tree. */
    @Transactional
    public void delete(long id) {
        Kpi kpi = get(id);
        if (kpis.countChildren(id) > 0) {
            throw new ConflictException("KPI_HAS_CHILDREN",
                    "KPI '" + kpi.name() + "' has KPIs below it in the tree; delete or move them first.");
        }
        kpis.delete(id, clock.instant());
        auditLog.append(AuditRecord.deleted(ENTITY, id, kpi));
    }

    private KpiDraft check(Workflow workflow, KpiDraft draft, Long self) {
        validator.validate(draft);
        if (draft.baselineValue() != null && draft.baselineTo() == null) {
            throw InvalidInputException.ofField("baselineTo",
                    "a baseline needs the period it was measured over; give at least its last day");
        }
        if (draft.baselineFrom() != null && draft.baselineTo() != null && draft.baselineFrom().isAfter(draft.baselineTo())) {
            throw InvalidInputException.ofField("baselineFrom", "must not be after baselineTo");
        }
        if (draft.baselineTo() != null && draft.baselineTo().isAfter(java.time.LocalDate.now(clock))) {
            throw InvalidInputException.ofField("baselineTo", "a baseline period cannot end in the future");
        }
        if (draft.parentId() != null) {
            checkParent(workflow, draft.parentId(), self);
        }
        return new KpiDraft(draft.name().trim(), draft.unit().trim(), draft.level(), draft.direction(),
                draft.baselineValue(), draft.baselineFrom(), draft.baselineTo(), draft.target(), draft.valuePerUnit(),
                blankToNull(draft.owner()), blankToNull(draft.dataSource()), draft.cadence(), draft.parentId());
    }

    /** The parent must be a KPI of the same workflow, and the tree must stay a tree. */
    private void checkParent(Workflow workflow, long parentId, Long self) {
        Set<Long> seen = new HashSet<>();
        Long current = parentId;
        while (current != null) {
            if (self != null && current.equals(self) || !seen.add(current)) {
                throw InvalidInputException.ofField("parentId", "would make the KPI tree a loop");
            }
            Kpi parent = kpis.findById(current).orElse(null);
            if (parent == null || !parent.workflowKey().equals(workflow.key())) {
                throw InvalidInputException.ofField("parentId", "no KPI " + current + " of workflow " + workflow.key());
            }
            current = parent.parentId();
        }
    }

    private Long ownerId(KpiDraft kpi) {
        if (kpi.owner() == null) {
            return null;
        }
        Person owner = people.findByEmail(kpi.owner())
                .orElseThrow(() -> InvalidInputException.ofField("owner", "no person with email " + kpi.owner()));
        if (!owner.active()) {
            throw InvalidInputException.ofField("owner", owner.name() + " is no longer active");
        }
        return owner.id();
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("KPI_NAME_TAKEN", "The workflow already has a KPI named '" + name + "'.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
