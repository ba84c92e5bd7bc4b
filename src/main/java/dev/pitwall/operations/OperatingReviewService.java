package dev.pitwall.operations;

import dev.pitwall.operations.internal.OperatingReviews;
import dev.pitwall.operations.internal.ReviewAgendas;
import dev.pitwall.operations.internal.ReviewCalendar;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operating reviews of live workflows: when each is due (a cadence by risk tier or the workflow's
 * own), the agenda Pitwall builds from the data, the recorded review with its attendees, decisions
 * and actions, and the actions tracked to done. Every change is audited.
 */
@Service
@Transactional
public class OperatingReviewService {

    private static final String ENTITY = "operating-review";

    private final OperatingReviews reviews;
    private final ReviewCalendar calendar;
    private final ReviewAgendas agendas;
    private final WorkflowService workflows;
    private final PersonService people;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;
    private final dev.pitwall.operations.internal.Notifier notifier;

    OperatingReviewService(OperatingReviews reviews, ReviewCalendar calendar, ReviewAgendas agendas,
            WorkflowService workflows, PersonService people, InputValidator validator, AuditLog auditLog, Clock clock,
            dev.pitwall.operations.internal.Notifier notifier) {
        this.notifier = notifier;
        this.reviews = reviews;
        this.calendar = calendar;
        this.agendas = agendas;
        this.workflows = workflows;
        this.people = people;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Every live workflow's review schedule today, the most overdue first. */
    @Transactional(readOnly = true)
    public List<ReviewSchedule> schedule() {
        return calendar.on(workflows.find(null, null), today()).stream().filter(ReviewSchedule::live)
                .sorted(Comparator.comparing(ReviewSchedule::dueOn).thenComparing(ReviewSchedule::workflowKey)).toList();
    }

    /** A workflow's review schedule on a day (today when {@code null}). */
    @Transactional(readOnly = true)
    public ReviewSchedule scheduleOf(String workflowKey, LocalDate day) {
        return calendar.of(workflows.get(workflowKey), day == null ? today() : day);
    }

    /** The reviews due within {@code days} or overdue of the workflows whose accountable owner this person is. */
    @Transactional(readOnly = true)
    public List<ReviewSchedule> dueFor(long personId, int days) {
        List<Workflow> all = workflows.find(null, null);
        Map<Long, WorkflowDetails> details = workflows.detailsOf(all);
        Set<String> owned = new java.util.HashSet<>();
        details.values().forEach(d -> d.decisionRights().stream()
                .filter(r -> r.right() == DecisionRight.ACCOUNTABLE_OWNER && r.holder() != null
                        && r.holder().id() == personId)
                .forEach(r -> owned.add(d.workflow().key())));
        LocalDate horizon = today().plusDays(days);
        return schedule().stream().filter(s -> owned.contains(s.workflowKey()) && !s.dueOn().isAfter(horizon)).toList();
    }

    /** The agenda of a review of the workflow held on {@code day} (today when {@code null}). */
    @Transactional(readOnly = true)
    public ReviewAgenda agenda(String workflowKey, LocalDate day) {
        LocalDate on = checkedDay(day == null ? today() : day, "heldOn");
        Workflow workflow = workflows.get(workflowKey);
        return agendas.build(workflow, calendar.of(workflow, on), on);
    }

    /**
     * Records a held review with the agenda of its day. Every attendee and action owner must be in
     * the directory; bad input is refused whole, naming each field.
     */
    public OperatingReview record(String workflowKey, NewOperatingReview review) {
        Workflow workflow = workflows.get(workflowKey);
        validator.validate(review);
        List<Violation> violations = new ArrayList<>();
        LocalDate today = today();
        if (review.heldOn().isAfter(today)) {
            violations.add(field("heldOn", "lies in the future; record a review once it was held"));
        }
        Set<Long> attendees = new LinkedHashSet<>();
        for (int i = 0; i < review.attendeeEmails().size(); i++) {
            person(review.attendeeEmails().get(i), "attendeeEmails[" + i + "]", false, violations)
                    .ifPresent(p -> attendees.add(p.id()));
        }
        List<String> decisions = review.decisions() == null ? List.of() : review.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            text(decisions.get(i), "decisions[" + i + "]", violations);
        }
        text(review.notes(), "notes", violations);
        List<NewOperatingReview.Action> actions = review.actions() == null ? List.of() : review.actions();
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            NewOperatingReview.Action a = actions.get(i);
            text(a.title(), "actions[" + i + "].title", violations);
            owners.add(person(a.ownerEmail(), "actions[" + i + "].ownerEmail", true, violations).map(Person::id)
                    .orElse(null));
            if (a.dueOn().isBefore(review.heldOn())) {
                violations.add(field("actions[" + i + "].dueOn", "lies before the review was held"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The operating review could not be recorded.", violations);
        }
        ReviewSchedule schedule = calendar.of(workflow, review.heldOn());
        if (!schedule.live()) {
            throw new ConflictException("WORKFLOW_NOT_LIVE", workflow.name() + " was not in pilot or production on "
                    + review.heldOn() + "; operating reviews are for live workflows.");
        }
        ReviewAgenda agenda = agendas.build(workflow, schedule, review.heldOn());
        String notes = review.notes() == null || review.notes().isBlank() ? null : review.notes().trim();
        long id = reviews.insert(workflow.id(), review.heldOn(), notes, agenda, PitwallPrincipal.currentActorName(),
                clock.instant());
        attendees.forEach(p -> reviews.attendee(id, p));
        for (int i = 0; i < decisions.size(); i++) {
            reviews.decision(id, i, decisions.get(i).trim());
        }
        for (int i = 0; i < actions.size(); i++) {
            reviews.action(id, workflow.id(), actions.get(i).title().trim(), owners.get(i), actions.get(i).dueOn());
        }
        OperatingReview recorded = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, recorded));
        notifier.publish(new dev.pitwall.operations.internal.Notifier.Message(NotificationEvent.REVIEW_RECORDED,
                workflow.key(), "Operating review of " + workflow.name() + " on " + recorded.heldOn(),
                recorded.decisions().size() + " decisions, " + recorded.actions().size() + " actions"
                        + (recorded.decisions().isEmpty() ? "." : ": " + String.join(" ", recorded.decisions())),
                "/operations/reviews/" + id, java.util.Map.of("reviewId", id, "heldOn", recorded.heldOn().toString(),
                        "actions", recorded.actions().stream().map(a -> java.util.Map.of("title", a.title(), "owner",
                                a.ownerName(), "dueOn", a.dueOn().toString())).toList())));
        return recorded;
    }

    @Transactional(readOnly = true)
    public OperatingReview get(long id) {
        return reviews.find(id).orElseThrow(() -> new OperatingReviewNotFound("Operating review", id));
    }

    /** A workflow's reviews, newest first. */
    @Transactional(readOnly = true)
    public List<OperatingReview> ofWorkflow(String workflowKey) {
        return reviews.ofWorkflow(workflows.get(workflowKey).id());
    }

    @Transactional(readOnly = true)
    public List<OperatingReview> recent(int limit) {
        return reviews.recent(limit);
    }

    @Transactional(readOnly = true)
    public List<ReviewAction> openActions() {
        return reviews.openActions();
    }

    @Transactional(readOnly = true)
    public List<ReviewAction> openActionsOwnedBy(long personId) {
        return reviews.openActionsOwnedBy(personId);
    }

    /** Marks an action done today. */
    public ReviewAction completeAction(long id) {
        ReviewAction before = reviews.action(id).orElseThrow(() -> new OperatingReviewNotFound("Review action", id));
        if (!before.open()) {
            throw new ConflictException("ACTION_ALREADY_DONE", "The action was marked done on " + before.doneOn() + ".");
        }
        reviews.done(id, today(), PitwallPrincipal.currentActorName());
        ReviewAction after = reviews.action(id).orElseThrow();
        auditLog.append(AuditRecord.updated("review-action", id, before, after));
        return after;
    }

    /** Sets the workflow's own review cadence in months, or clears it ({@code null}) to follow its risk tier. */
    public ReviewSchedule setCadence(String workflowKey, Integer everyMonths) {
        Workflow workflow = workflows.get(workflowKey);
        if (everyMonths != null && (everyMonths < 1 || everyMonths > 24)) {
            throw InvalidInputException.ofField("everyMonths", "must lie between 1 and 24 months, or be empty to follow "
                    + "the risk tier");
        }
        ReviewSchedule before = calendar.of(workflow, today());
        reviews.saveCadence(workflow.id(), everyMonths, PitwallPrincipal.currentActorName(), clock.instant());
        ReviewSchedule after = calendar.of(workflow, today());
        auditLog.append(AuditRecord.updated("review-cadence", workflowKey, before, after));
        return after;
    }

    private Optional<Person> person(String email, String field, boolean mustBeActive, List<Violation> violations) {
        if (email == null || email.isBlank()) {
            violations.add(field(field, "is empty; name a person by email"));
            return Optional.empty();
        }
        Optional<Person> person = people.findByEmail(email.trim().toLowerCase(Locale.ROOT));
        if (person.isEmpty()) {
            violations.add(field(field, "no person in the directory has the email '" + email + "'"));
        } else if (mustBeActive && !person.get().active()) {
            violations.add(field(field, person.get().name() + " is no longer active"));
            return Optional.empty();
        }
        return person;
    }

    private static void text(String text, String field, List<Violation> violations) {
        TextPolicy.problem(text).ifPresent(reason -> violations.add(field(field, reason)));
    }

    private static Violation field(String field, String reason) {
        return new Violation(null, null, field, reason);
    }

    private LocalDate checkedDay(LocalDate day, String field) {
        if (day.isAfter(today())) {
            throw InvalidInputException.ofField(field, "lies in the future");
        }
        return day;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
