package dev.pitwall.portfolio;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.internal.BudgetLines;
import dev.pitwall.portfolio.internal.Initiatives;
import dev.pitwall.portfolio.internal.Workflows;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains initiatives and their budget lines; every change is audited. */
@Service
@EnableConfigurationProperties(PortfolioProperties.class)
public class InitiativeService {

    static final String ENTITY = "INITIATIVE";
    static final String BUDGET_ENTITY = "BUDGET_LINE";

    private final Initiatives initiatives;
    private final BudgetLines budget;
    private final Workflows workflows;
    private final PersonService people;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    InitiativeService(Initiatives initiatives, BudgetLines budget, Workflows workflows, PersonService people,
            AuditLog auditLog, InputValidator validator, Clock clock) {
        this.initiatives = initiatives;
        this.budget = budget;
        this.workflows = workflows;
        this.people = people;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Initiative> findAll() {
        return initiatives.findAll();
    }

    @Transactional(readOnly = true)
    public Initiative get(long id) {
        return initiatives.findById(id).orElseThrow(() -> new InitiativeNotFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Initiative> findByName(String name) {
        return initiatives.findByName(name);
    }

    @Transactional
    public Initiative create(InitiativeDraft draft) {
        InitiativeDraft initiative = check(draft, null);
        long id = initiatives.insert(initiative, clock.instant());
        Initiative created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public Initiative update(long id, InitiativeDraft draft) {
        Initiative before = get(id);
        InitiativeDraft initiative = check(draft, id);
        initiatives.update(id, initiative, clock.instant());
        Initiative after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    @Transactional(readOnly = true)
    public List<BudgetLine> budget(long initiativeId) {
        get(initiativeId);
        return budget.findByInitiative(initiativeId);
    }

    @Transactional
    public BudgetLine addBudgetLine(long initiativeId, NewBudgetLine line) {
        get(initiativeId);
        validator.validate(line);
        Long workflowId = null;
        if (line.workflowKey() != null && !line.workflowKey().isBlank()) {
            Workflow workflow = workflows.findByKey(line.workflowKey().trim())
                    .filter(w -> w.initiativeId() != null && w.initiativeId() == initiativeId)
                    .orElseThrow(() -> InvalidInputException.ofField("workflowKey",
                            "no workflow '" + line.workflowKey() + "' belongs to this initiative"));
            workflowId = workflow.id();
        }
        if (line.tier() != null && line.category() != SpendCategory.WORKFORCE) {
            throw InvalidInputException.ofField("tier", "only workforce spend is attributed to a tier");
        }
        long id = budget.insert(initiativeId, workflowId, line, clock.instant());
        BudgetLine created = budget.findById(id).orElseThrow();
        auditLog.append(AuditRecord.created(BUDGET_ENTITY, id, created));
        return created;
    }

    @Transactional
    public void deleteBudgetLine(long initiativeId, long lineId) {
        BudgetLine line = budget.findById(lineId).filter(l -> l.initiativeId() == initiativeId)
                .orElseThrow(() -> new InvalidInputException("No such budget line of this initiative.",
                        List.of(dev.pitwall.platform.web.Violation.ofField("id", "no budget line " + lineId))));
        budget.delete(lineId);
        auditLog.append(AuditRecord.deleted(BUDGET_ENTITY, lineId, line));
    }

    private InitiativeDraft check(InitiativeDraft draft, Long self) {
        validator.validate(draft);
        InitiativeDraft initiative = new InitiativeDraft(draft.name().trim(), draft.objective().trim(), draft.sponsorId(),
                draft.stage(), draft.startDate());
        initiatives.findByName(initiative.name()).filter(i -> self == null || i.id() != self).ifPresent(i -> {
            throw new ConflictException("INITIATIVE_NAME_TAKEN", "An initiative named '" + i.name() + "' already exists.");
        });
        if (initiative.sponsorId() != null) {
            Person sponsor = people.findAllById(List.of(initiative.sponsorId())).stream().findFirst()
                    .orElseThrow(() -> InvalidInputException.ofField("sponsorId", "no person has the id " + draft.sponsorId()));
            if (!sponsor.active()) {
                throw InvalidInputException.ofField("sponsorId", sponsor.name() + " is no longer active");
            }
        }
        return initiative;
    }
}
