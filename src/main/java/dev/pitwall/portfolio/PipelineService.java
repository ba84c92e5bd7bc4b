package dev.pitwall.portfolio;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.internal.BudgetLines;
import dev.pitwall.portfolio.internal.PipelineStages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The synchronized pipelines of initiatives: stage states, spend, cross-dependency violations and lag. */
@Service
public class PipelineService {

    static final String ENTITY = "PIPELINE_STAGE";

    private final InitiativeService initiatives;
    private final PipelineStages stages;
    private final BudgetLines budget;
    private final PersonService people;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    PipelineService(InitiativeService initiatives, PipelineStages stages, BudgetLines budget, PersonService people,
            AuditLog auditLog, InputValidator validator, Clock clock) {
        this.initiatives = initiatives;
        this.stages = stages;
        this.budget = budget;
        this.people = people;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Pipelines pipelines(long initiativeId) {
        initiatives.get(initiativeId);
        Map<PipelineStage, PipelineStageState> states = stages.find(initiativeId, budget.spendByStage(initiativeId));
        List<PipelineStageState> all = List.copyOf(states.values());
        return new Pipelines(initiativeId,
                all.stream().filter(s -> s.stage().track() == PipelineStage.Track.TECHNICAL).toList(),
                all.stream().filter(s -> s.stage().track() == PipelineStage.Track.WORKFORCE).toList(),
                PipelineRules.check(states), PipelineRules.lag(states));
    }

    /**
     * An initiative's pipelines as they stood at the end of {@code day}, from the stages' dates: a
     * stage completed by then is done, one started by then is in progress, any other not started;
     * the spend is what was spent by then. Cross-dependency checks are today's.
     */
    @Transactional(readOnly = true)
    public Pipelines pipelinesOn(long initiativeId, LocalDate day) {
        Pipelines now = pipelines(initiativeId);
        if (!day.isBefore(LocalDate.now(clock))) {
            return now;
        }
        Map<PipelineStage, java.math.BigDecimal> spend = new java.util.EnumMap<>(PipelineStage.class);
        budget.findByInitiative(initiativeId).stream()
                .filter(l -> l.pipelineStage() != null && !l.spentOn().isAfter(day))
                .forEach(l -> spend.merge(l.pipelineStage(), l.amount(), java.math.BigDecimal::add));
        Map<PipelineStage, PipelineStageState> states = new java.util.EnumMap<>(PipelineStage.class);
        java.util.stream.Stream.concat(now.technical().stream(), now.workforce().stream())
                .forEach(s -> states.put(s.stage(), on(s, day, spend.getOrDefault(s.stage(), java.math.BigDecimal.ZERO))));
        List<PipelineStageState> all = List.copyOf(states.values());
        return new Pipelines(initiativeId,
                all.stream().filter(s -> s.stage().track() == PipelineStage.Track.TECHNICAL).toList(),
                all.stream().filter(s -> s.stage().track() == PipelineStage.Track.WORKFORCE).toList(),
                now.violations(), PipelineRules.lag(states));
    }

    private static PipelineStageState on(PipelineStageState s, LocalDate day, java.math.BigDecimal spend) {
        boolean done = s.completedOn() != null && !s.completedOn().isAfter(day);
        boolean started = s.startedOn() != null && !s.startedOn().isAfter(day);
        PipelineStatus status = done ? PipelineStatus.DONE : started ? PipelineStatus.IN_PROGRESS : PipelineStatus.NOT_STARTED;
        return new PipelineStageState(s.stage(), status, started ? s.startedOn() : null, done ? s.completedOn() : null,
                s.assigneeId(), s.assigneeName(), s.assigneeTier(), spend);
    }

    @Transactional
    public Pipelines update(long initiativeId, PipelineStage stage, PipelineStageUpdate update) {
        validator.validate(update);
        Pipelines before = pipelines(initiativeId);
        PipelineStageState previous = state(before, stage);
        LocalDate today = LocalDate.now(clock);
        if (update.status().started() && update.startedOn() == null) {
            throw InvalidInputException.ofField("startedOn", "is required once the stage has started");
        }
        if (update.status() == PipelineStatus.DONE && update.completedOn() == null) {
            throw InvalidInputException.ofField("completedOn", "is required when the stage is done");
        }
        if (update.status() != PipelineStatus.DONE && update.completedOn() != null) {
            throw InvalidInputException.ofField("completedOn", "is only set when the stage is done");
        }
        if (update.startedOn() != null && update.startedOn().isAfter(today)) {
            throw InvalidInputException.ofField("startedOn", "must not be in the future");
        }
        if (update.completedOn() != null && (update.completedOn().isBefore(update.startedOn())
                || update.completedOn().isAfter(today))) {
            throw InvalidInputException.ofField("completedOn", "must lie between the start and today");
        }
        Person assignee = null;
        if (update.assigneeId() != null) {
            assignee = people.findAllById(List.of(update.assigneeId())).stream().findFirst()
                    .orElseThrow(() -> InvalidInputException.ofField("assigneeId", "no person has the id " + update.assigneeId()));
        }
        stages.save(initiativeId, new PipelineStageState(stage, update.status(),
                update.status().started() ? update.startedOn() : null, update.completedOn(),
                assignee == null ? null : assignee.id(), null, null, previous.spend()));
        Pipelines after = pipelines(initiativeId);
        auditLog.append(AuditRecord.updated(ENTITY, initiativeId + "/" + stage, previous, state(after, stage)));
        return after;
    }

    private static PipelineStageState state(Pipelines pipelines, PipelineStage stage) {
        return java.util.stream.Stream.concat(pipelines.technical().stream(), pipelines.workforce().stream())
                .filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
