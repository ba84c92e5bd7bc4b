package dev.pitwall.operations;

import dev.pitwall.governance.ClassificationService;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.governance.WorkflowClassification;
import dev.pitwall.operations.internal.Fallbacks;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workflow's fallback path and its drills: the declared procedure, owner and longest acceptable
 * switch, drills recorded with their outcome, and when each live workflow's next drill is due by its
 * risk tier (HIGH and CRITICAL quarterly, MEDIUM half-yearly, LOW yearly by default).
 */
@Service
@Transactional
public class FallbackService {

    private static final String ENTITY = "fallback";

    private final Fallbacks fallbacks;
    private final WorkflowService workflows;
    private final PersonService people;
    private final ClassificationService classifications;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final OperationsProperties properties;
    private final Clock clock;

    FallbackService(Fallbacks fallbacks, WorkflowService workflows, PersonService people,
            ClassificationService classifications, InputValidator validator, AuditLog auditLog,
            OperationsProperties properties, Clock clock) {
        this.fallbacks = fallbacks;
        this.workflows = workflows;
        this.people = people;
        this.classifications = classifications;
        this.validator = validator;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Fallback> find(String workflowKey) {
        return fallbacks.find(workflows.get(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public Fallback get(String workflowKey) {
        return find(workflowKey).orElseThrow(() -> new FallbackNotDeclared(workflowKey));
    }

    /** Declares the workflow's fallback, or replaces it. */
    public Fallback declare(String workflowKey, FallbackDraft draft) {
        Workflow workflow = workflows.get(workflowKey);
        validator.validate(draft);
        Long ownerId = null;
        if (draft.ownerEmail() != null && !draft.ownerEmail().isBlank()) {
            Person owner = people.findByEmail(draft.ownerEmail().trim().toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> InvalidInputException.ofField("ownerEmail", "no person in the directory has the email '"
                            + draft.ownerEmail() + "'"));
            if (!owner.active()) {
                throw InvalidInputException.ofField("ownerEmail", owner.name() + " is no longer active");
            }
            ownerId = owner.id();
        }
        Optional<Fallback> before = fallbacks.find(workflow.id());
        fallbacks.save(workflow.id(), draft.procedure().trim(), ownerId, draft.maxSwitchMinutes(),
                PitwallPrincipal.currentActorName(), clock.instant());
        Fallback after = fallbacks.find(workflow.id()).orElseThrow();
        auditLog.append(before.isPresent() ? AuditRecord.updated(ENTITY, workflowKey, before.get(), after)
                : AuditRecord.created(ENTITY, workflowKey, after));
        return after;
    }

    @Transactional(readOnly = true)
    public List<Drill> drills(String workflowKey) {
        return fallbacks.drills(workflows.get(workflowKey).id());
    }

    /** Records a drill of the declared fallback. */
    public Drill recordDrill(String workflowKey, NewDrill drill) {
        Workflow workflow = workflows.get(workflowKey);
        validator.validate(drill);
        Fallback fallback = fallbacks.find(workflow.id()).orElseThrow(() -> new ConflictException("FALLBACK_NOT_DECLARED",
                "Declare the workflow's fallback before recording a drill of it."));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (drill.drilledOn().isAfter(today)) {
            throw InvalidInputException.ofField("drilledOn", "lies in the future; drills are recorded when they took place");
        }
        if (drill.notes() != null && !drill.notes().isBlank()) {
            dev.pitwall.platform.web.TextPolicy.problem(drill.notes()).ifPresent(reason -> {
                throw InvalidInputException.ofField("notes", reason);
            });
        }
        boolean passed = drill.passed() != null ? drill.passed() : drill.switchMinutes() <= fallback.maxSwitchMinutes();
        fallbacks.insertDrill(workflow.id(), drill.drilledOn(), drill.switchMinutes(), drill.throughputRatio(), passed,
                drill.notes() == null || drill.notes().isBlank() ? null : drill.notes().trim(),
                PitwallPrincipal.currentActorName(), clock.instant());
        Drill recorded = fallbacks.drills(workflow.id()).stream().max(Comparator.comparingLong(Drill::id)).orElseThrow();
        auditLog.append(AuditRecord.created("drill", recorded.id(), recorded));
        return recorded;
    }

    /** The drill schedule of the workflows whose fallback this person owns. */
    @Transactional(readOnly = true)
    public List<DrillSchedule> scheduleOwnedBy(long personId) {
        java.util.Set<String> owned = java.util.Set.copyOf(fallbacks.ownedBy(personId));
        return schedule().stream().filter(s -> owned.contains(s.workflowKey())).toList();
    }

    /** When each workflow in pilot or production is due for its next drill, most overdue first. */
    @Transactional(readOnly = true)
    public List<DrillSchedule> schedule() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<Long, LocalDate> lastPassed = fallbacks.lastPassed();
        Set<Long> declared = Set.copyOf(fallbacks.declared());
        return workflows.find(null, null).stream()
                .filter(w -> w.stage() == WorkflowStage.PILOT || w.stage() == WorkflowStage.PRODUCTION)
                .map(w -> {
                    RiskTier tier = classifications.current(w.key()).map(WorkflowClassification::tier).orElse(null);
                    int every = properties.drillMonths(tier);
                    LocalDate last = lastPassed.get(w.id());
                    LocalDate due = last == null ? today : last.plusMonths(every);
                    return new DrillSchedule(w.key(), w.name(), w.stage().name(), tier == null ? null : tier.name(), every,
                            declared.contains(w.id()), last, due, last == null || due.isBefore(today));
                })
                .sorted(Comparator.comparing(DrillSchedule::dueOn).thenComparing(DrillSchedule::workflowKey))
                .toList();
    }
}
