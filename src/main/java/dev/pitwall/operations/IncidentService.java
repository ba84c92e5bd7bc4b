package dev.pitwall.operations;

import dev.pitwall.measurement.Deployment;
import dev.pitwall.measurement.DeploymentService;
import dev.pitwall.operations.internal.Incidents;
import dev.pitwall.operations.internal.Router;
import dev.pitwall.operations.internal.SignedInPerson;
import dev.pitwall.people.Person;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: opened by firing monitors (joining the open incident of the same monitor) or by people,
 * routed along the decision rights of their workflow, escalated when not acknowledged in time, and
 * moved forward to resolved. Every change is on the incident's timeline and in the audit log.
 */
@Service
@Transactional
public class IncidentService {

    static final String EVALUATOR = "pitwall";
    private static final String ENTITY = "incident";

    private final Incidents incidents;
    private final Router router;
    private final WorkflowService workflows;
    private final AiSystemService systems;
    private final DeploymentService deployments;
    private final SignedInPerson signedIn;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final OperationsProperties properties;
    private final Clock clock;
    private final dev.pitwall.governance.ClassificationService classifications;
    private final LifecycleService lifecycle;
    private final dev.pitwall.operations.internal.Notifier notifier;

    IncidentService(Incidents incidents, Router router, WorkflowService workflows, AiSystemService systems,
            DeploymentService deployments, SignedInPerson signedIn, InputValidator validator,
            AuditLog auditLog, OperationsProperties properties, Clock clock,
            dev.pitwall.governance.ClassificationService classifications, LifecycleService lifecycle,
            dev.pitwall.operations.internal.Notifier notifier) {
        this.notifier = notifier;
        this.classifications = classifications;
        this.lifecycle = lifecycle;
        this.incidents = incidents;
        this.router = router;
        this.workflows = workflows;
        this.systems = systems;
        this.deployments = deployments;
        this.signedIn = signedIn;
        this.validator = validator;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Incident get(long id) {
        return incidents.findById(id).orElseThrow(() -> new IncidentNotFound(id));
    }

    /** Newest first; {@code open} only those not resolved; {@code workflowKey} optional. */
    @Transactional(readOnly = true)
    public List<Incident> find(boolean open, String workflowKey, int limit) {
        Long workflowId = workflowKey == null ? null : workflows.get(workflowKey).id();
        return incidents.find(open, workflowId, Math.max(1, Math.min(limit, 1000)));
    }

    @Transactional(readOnly = true)
    public java.util.Map<Severity, Long> openBySeverity() {
        return incidents.openBySeverity();
    }

    /**
     * The timeline: what was recorded on the incident, and the deployments of its AI systems from its
     * opening until it was resolved (or now), in time order.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long id) {
        Incident incident = get(id);
        List<TimelineEntry> entries = new ArrayList<>(incidents.timeline(id));
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : clock.instant();
        LocalDate from = LocalDate.ofInstant(incident.openedAt(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC);
        for (String systemKey : systemKeys(incident)) {
            for (Deployment d : deployments.find(systemKey, from, to, 100)) {
                if (!d.time().isBefore(incident.openedAt()) && !d.time().isAfter(end)) {
                    entries.add(new TimelineEntry(d.time(), TimelineKind.DEPLOYMENT, d.systemKey(), null,
                            "Deployed " + d.systemKey() + " " + d.version() + " (" + d.status() + ")"));
                }
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** Opens an incident by hand. */
    public Incident open(NewIncident request) {
        validator.validate(request);
        boolean onWorkflow = request.workflowKey() != null && !request.workflowKey().isBlank();
        boolean onSystem = request.systemKey() != null && !request.systemKey().isBlank();
        if (onWorkflow == onSystem) {
            throw InvalidInputException.ofField("workflowKey", "name either a workflow or an AI system (systemKey)");
        }
        Long workflowId = onWorkflow ? workflows.findByKey(request.workflowKey().trim()).orElseThrow(() ->
                InvalidInputException.ofField("workflowKey", "no workflow has the key '" + request.workflowKey() + "'")).id() : null;
        Long systemId = onSystem ? systems.findByKey(request.systemKey().trim()).orElseThrow(() ->
                InvalidInputException.ofField("systemKey", "no AI system has the key '" + request.systemKey() + "'")).id() : null;
        SignalCategory category = request.category() == null ? SignalCategory.QUALITY : request.category();
        Instant now = clock.instant();
        String actor = PitwallPrincipal.currentActorName();
        long id = incidents.insert(request.title().trim(), blankToNull(request.description()), request.severity(), null,
                workflowId, systemId, category, actor, now);
        incidents.addEntry(id, TimelineKind.OPENED, actor, actorPerson(), "Opened by hand", now);
        routeFrom(id, 0, now);
        Incident created = get(id);
        publish(created, NotificationEvent.INCIDENT_OPENED, created.severity() + " incident opened: " + created.title(),
                "Opened by " + actor + ". " + routedTo(created));
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        lifecycle.opened(created, null);
        return get(id);
    }

    /**
     * A monitor began to fire: opens an incident, or adds to the open one of the same monitor.
     * Returns the incident.
     */
    public Incident fired(Monitor monitor, Double value, Long samples, Instant now) {
        String detail = monitor.signal().id() + " = " + (value == null ? "—" : Monitor.format(value)) + " ("
                + monitor.comparator().symbol() + " " + Monitor.format(monitor.threshold()) + ") over " + samples
                + " samples in " + monitor.windowDays() + (monitor.windowDays() == 1 ? " day" : " days");
        var open = incidents.openOfMonitor(monitor.id());
        if (open.isPresent()) {
            incidents.addEntry(open.get().id(), TimelineKind.FIRED_AGAIN, EVALUATOR, null, monitor.name() + ": " + detail, now);
            return get(open.get().id());
        }
        String title = truncate(monitor.name() + " — " + monitor.targetName(), 200);
        long id = incidents.insert(title, "Monitor " + monitor.name() + " fired: " + detail, monitor.severity(),
                monitor.id(), monitor.workflowId(), monitor.systemId(), monitor.signal().category(), EVALUATOR, now);
        incidents.addEntry(id, TimelineKind.OPENED, EVALUATOR, null, "Monitor fired: " + detail, now);
        routeFrom(id, 0, now);
        Incident created = get(id);
        publish(created, NotificationEvent.INCIDENT_OPENED, created.severity() + " incident opened: " + created.title(),
                "Monitor " + monitor.name() + " fired: " + detail + ". " + routedTo(created));
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        lifecycle.opened(created, monitor.lifecycleAction());
        return get(id);
    }

    /** The monitor of an open incident is no longer firing: noted; resolving stays a person's decision. */
    public void recovered(Monitor monitor, Double value, Instant now) {
        incidents.openOfMonitor(monitor.id()).ifPresent(i -> incidents.addEntry(i.id(), TimelineKind.RECOVERED,
                EVALUATOR, null, monitor.signal().id() + " back to " + (value == null ? "—" : Monitor.format(value)), now));
    }

    public Incident acknowledge(long id) {
        return move(id, IncidentStatus.ACKNOWLEDGED, Set.of(IncidentStatus.OPEN), null);
    }

    public Incident mitigate(long id, String note) {
        return move(id, IncidentStatus.MITIGATED, Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), note);
    }

    public Incident resolve(long id, String note) {
        return move(id, IncidentStatus.RESOLVED,
                Set.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED, IncidentStatus.MITIGATED), note);
    }

    /** Adds a comment to the timeline. */
    public Incident comment(long id, String text) {
        String comment = checkedNote("text", text);
        if (comment == null) {
            throw InvalidInputException.ofField("text", "must not be blank");
        }
        Incident incident = incidents.lock(id).orElseThrow(() -> new IncidentNotFound(id));
        incidents.addEntry(incident.id(), TimelineKind.COMMENT, PitwallPrincipal.currentActorName(), actorPerson(),
                comment, clock.instant());
        return get(id);
    }

    /** Escalates an unacknowledged incident to the next holder on its route now. */
    public Incident escalate(long id, String reason) {
        String note = checkedNote("reason", reason);
        Incident incident = incidents.lock(id).orElseThrow(() -> new IncidentNotFound(id));
        if (incident.status() != IncidentStatus.OPEN) {
            throw new ConflictException("INCIDENT_STATUS", "Only an open, unacknowledged incident is escalated; this one is "
                    + incident.status() + ".");
        }
        escalateOne(incident, PitwallPrincipal.currentActorName(), note == null ? "Escalated by hand" : note, clock.instant());
        return get(id);
    }

    /**
     * Marks an incident of a HIGH_RISK workflow (EU AI Act) a serious incident under Art. 73: its
     * report to the market surveillance authority is due the kind's period after the incident was
     * opened (when its organization became aware of it). Marking it again with another kind moves
     * the deadline; a reported incident stays as it was reported.
     */
    public Incident markSerious(long id, SeriousIncidentKind kind) {
        if (kind == null) {
            throw InvalidInputException.ofField("kind", "choose DEATH, WIDESPREAD_INFRINGEMENT, CRITICAL_INFRASTRUCTURE or OTHER");
        }
        Incident before = incidents.lock(id).orElseThrow(() -> new IncidentNotFound(id));
        if (before.workflowKey() == null) {
            throw new ConflictException("NOT_HIGH_RISK", "Art. 73 applies to high-risk AI uses: open the incident on the "
                    + "workflow, not on the AI system alone.");
        }
        boolean highRisk = classifications.current(before.workflowKey())
                .map(c -> c.euCategory() == dev.pitwall.governance.EuCategory.HIGH_RISK).orElse(false);
        if (!highRisk) {
            throw new ConflictException("NOT_HIGH_RISK", "The workflow " + before.workflowKey()
                    + " is not classified HIGH_RISK under the EU AI Act, so Art. 73 reporting does not apply.");
        }
        if (before.reportedAt() != null) {
            throw new ConflictException("ALREADY_REPORTED", "The incident was reported on " + before.reportedAt() + ".");
        }
        Instant due = before.openedAt().plus(kind.reportWithin());
        incidents.markSerious(id, kind, due);
        incidents.addEntry(id, TimelineKind.MARKED_SERIOUS, PitwallPrincipal.currentActorName(), actorPerson(),
                "Serious incident (" + kind + "): report to the market surveillance authority by " + due, clock.instant());
        Incident after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /** Records that a serious incident was reported to the authority. */
    public Incident markReported(long id, String reference) {
        String ref = checkedNote("reference", reference);
        if (ref != null && ref.length() > 200) {
            throw InvalidInputException.ofField("reference", "must be at most 200 characters");
        }
        Incident before = incidents.lock(id).orElseThrow(() -> new IncidentNotFound(id));
        if (before.seriousKind() == null) {
            throw new ConflictException("NOT_SERIOUS", "Only a serious incident (Art. 73) is reported to the authority.");
        }
        if (before.reportedAt() != null) {
            throw new ConflictException("ALREADY_REPORTED", "The incident was reported on " + before.reportedAt() + ".");
        }
        Instant now = clock.instant();
        incidents.reported(id, ref, now);
        incidents.addEntry(id, TimelineKind.REPORTED, PitwallPrincipal.currentActorName(), actorPerson(),
                "Reported to the market surveillance authority" + (ref == null ? "" : " (" + ref + ")")
                        + (now.isAfter(before.reportDueAt()) ? "; after its deadline " + before.reportDueAt() : ""), now);
        Incident after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /**
     * Escalates serious incidents not reported yet when half of their reporting time has passed (to
     * the escalation contact) and at 90 % (to the accountable owner). Returns how many escalated.
     */
    public int escalateReporting(Instant now) {
        int escalated = 0;
        for (long id : incidents.unreported()) {
            Incident incident = incidents.lock(id).orElseThrow();
            double total = Duration.between(incident.openedAt(), incident.reportDueAt()).toMillis();
            double fraction = total <= 0 ? 1 : Duration.between(incident.openedAt(), now).toMillis() / total;
            int due = fraction >= 0.9 ? 2 : fraction >= 0.5 ? 1 : 0;
            if (due <= incident.reportEscalations()) {
                continue;
            }
            incidents.reportEscalated(id, due);
            int step = Math.max(incident.routeStep(), due);
            Router.Destination to = router.route(incident.workflowKey(), incident.systemId(), incident.category(), step);
            incidents.addEntry(id, TimelineKind.ESCALATED, EVALUATOR, to.personId(), (due == 2 ? "90 %" : "Half")
                    + " of the Art. 73 reporting time has passed; report by " + incident.reportDueAt()
                    + (to.personId() == null ? "; nobody holds a right further along the route" : "; escalated to the " + to.right()),
                    now);
            if (step != incident.routeStep() || incident.assigneeId() == null) {
                apply(id, to, now);
            }
            escalated++;
        }
        return escalated;
    }

    /** Escalates every open incident whose acknowledgement deadline has passed; returns how many. */
    public int escalateOverdue(Instant now) {
        int escalated = 0;
        for (long id : incidents.overdue(now)) {
            Incident incident = incidents.lock(id).orElseThrow();
            if (incident.status() == IncidentStatus.OPEN && incident.acknowledgeBy() != null
                    && !incident.acknowledgeBy().isAfter(now)) {
                Duration within = properties.acknowledgeWithin(incident.severity());
                escalateOne(incident, EVALUATOR, "Not acknowledged within " + (within == null ? "its deadline" : human(within)), now);
                escalated++;
            }
        }
        return escalated;
    }

    private void escalateOne(Incident incident, String actor, String why, Instant now) {
        Incident before = incident;
        int next = incident.routeStep() + 1;
        if (next >= incident.category().route().size()) {
            incidents.route(incident.id(), incident.assigneeId(), incident.assigneeRight(), incident.routeStep(), null);
            incidents.addEntry(incident.id(), TimelineKind.ROUTING_GAP, actor, null,
                    why + "; nobody is left to escalate to after " + incident.assigneeRight(), now);
        } else {
            incidents.escalated(incident.id());
            Router.Destination to = router.route(incident.workflowKey(), incident.systemId(), incident.category(), next);
            incidents.addEntry(incident.id(), TimelineKind.ESCALATED, actor, to.personId(),
                    why + (to.personId() == null ? "; nobody holds a right further along the route"
                            : "; escalated to the " + to.right()), now);
            apply(incident.id(), to, now);
            Incident after = get(incident.id());
            publish(after, NotificationEvent.INCIDENT_ESCALATED, "Incident escalated: " + after.title(),
                    why + ". " + routedTo(after));
        }
        auditLog.append(AuditRecord.updated(ENTITY, incident.id(), before, get(incident.id())));
    }

    /** Routes from a step on: records the gaps passed over and the new holder with their deadline. */
    private void routeFrom(long id, int step, Instant now) {
        Incident incident = get(id);
        apply(id, router.route(incident.workflowKey(), incident.systemId(), incident.category(), step), now);
    }

    private void apply(long id, Router.Destination to, Instant now) {
        Incident incident = get(id);
        for (String gap : to.gaps()) {
            incidents.addEntry(id, TimelineKind.ROUTING_GAP, EVALUATOR, null, gap, now);
        }
        Duration within = properties.acknowledgeWithin(incident.severity());
        boolean canEscalate = to.step() + 1 < incident.category().route().size() && incident.status() == IncidentStatus.OPEN;
        Instant due = to.personId() != null && within != null && canEscalate ? now.plus(within) : null;
        incidents.route(id, to.personId(), to.right() == null ? null : to.right().name(), to.step(), due);
        if (to.personId() != null) {
            incidents.addEntry(id, TimelineKind.ROUTED, EVALUATOR, to.personId(), "Routed to the " + to.right()
                    + (due == null ? "" : "; to be acknowledged within " + human(within)), now);
            Incident routed = get(id);
            String email = to.personEmail();
            String when = due == null ? "." : "; to be acknowledged by " + due + " or it is escalated.";
            if (notifier.email(email, message(routed, NotificationEvent.INCIDENT_ROUTED, routed.severity()
                    + " incident for you: " + routed.title(), "It is routed to you as the " + to.right() + " of "
                    + routed.targetName() + when))) {
                incidents.addEntry(id, TimelineKind.NOTIFIED, EVALUATOR, to.personId(), "Email queued to " + email, now);
            }
            publish(routed, NotificationEvent.INCIDENT_ROUTED, routed.severity() + " incident routed to "
                    + to.personName() + ": " + routed.title(), "Routed to " + to.personName() + " as the " + to.right()
                    + " of " + routed.targetName() + when);
        } else {
            incidents.addEntry(id, TimelineKind.ROUTING_GAP, EVALUATOR, null, "Nobody to route it to", now);
        }
    }

    private Incident move(long id, IncidentStatus to, Set<IncidentStatus> from, String note) {
        String text = checkedNote("note", note);
        Incident before = incidents.lock(id).orElseThrow(() -> new IncidentNotFound(id));
        if (!from.contains(before.status())) {
            throw new ConflictException("INCIDENT_STATUS", "An incident that is " + before.status() + " cannot become "
                    + to + ".");
        }
        Instant now = clock.instant();
        String actor = PitwallPrincipal.currentActorName();
        incidents.status(id, to, actor, now);
        TimelineKind kind = TimelineKind.valueOf(to.name());
        incidents.addEntry(id, kind, actor, actorPerson(), text, now);
        Incident after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        NotificationEvent event = to == IncidentStatus.ACKNOWLEDGED ? NotificationEvent.INCIDENT_ACKNOWLEDGED
                : to == IncidentStatus.MITIGATED ? NotificationEvent.INCIDENT_MITIGATED : NotificationEvent.INCIDENT_RESOLVED;
        publish(after, event, "Incident " + to.name().toLowerCase(java.util.Locale.ROOT) + ": " + after.title(),
                to.name().charAt(0) + to.name().substring(1).toLowerCase(java.util.Locale.ROOT) + " by " + actor
                        + (text == null ? "." : ": " + text));
        return after;
    }

    private void publish(Incident incident, NotificationEvent event, String subject, String text) {
        notifier.publish(message(incident, event, subject, text));
    }

    private static dev.pitwall.operations.internal.Notifier.Message message(Incident incident, NotificationEvent event,
            String subject, String text) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("incidentId", incident.id());
        data.put("title", incident.title());
        data.put("severity", incident.severity().name());
        data.put("status", incident.status().name());
        data.put("workflowKey", incident.workflowKey());
        data.put("systemKey", incident.systemKey());
        data.put("assignee", incident.assigneeName());
        data.put("assigneeRight", incident.assigneeRight());
        data.put("acknowledgeBy", incident.acknowledgeBy() == null ? null : incident.acknowledgeBy().toString());
        return new dev.pitwall.operations.internal.Notifier.Message(event, incident.workflowKey(), subject, text,
                "/operations/incidents/" + incident.id(), data);
    }

    private static String routedTo(Incident incident) {
        return incident.assigneeName() == null ? "Nobody holds a right to route it to."
                : "With " + incident.assigneeName() + " (" + incident.assigneeRight() + ").";
    }

    /** The person of the signed-in user (by the user's email), if the directory has them. */
    private Long actorPerson() {
        return signedIn.current().map(Person::id).orElse(null);
    }

    private List<String> systemKeys(Incident incident) {
        if (incident.systemKey() != null) {
            return List.of(incident.systemKey());
        }
        if (incident.workflowKey() == null) {
            return List.of();
        }
        return workflows.details(incident.workflowKey()).systems().stream().map(s -> s.key()).toList();
    }

    private static String checkedNote(String field, String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > 4000) {
            throw InvalidInputException.ofField(field, "must be at most 4000 characters");
        }
        dev.pitwall.platform.web.TextPolicy.problem(note).ifPresent(reason -> {
            throw InvalidInputException.ofField(field, reason);
        });
        return note.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + " d";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
