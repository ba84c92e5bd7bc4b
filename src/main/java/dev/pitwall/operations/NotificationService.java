package dev.pitwall.operations;

import dev.pitwall.operations.internal.Deliveries;
import dev.pitwall.operations.internal.Notifier;
import dev.pitwall.operations.internal.Subscriptions;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.WorkflowService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to notifications and the outbox of deliveries: create, switch off and delete
 * subscriptions, send a test, list deliveries and the dead letters, and replay them. Every change is
 * audited; webhook secrets never are.
 */
@Service
@Transactional
public class NotificationService {

    private static final String ENTITY = "subscription";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new subscription with its webhook secret, which is shown this once. */
    public record Created(Subscription subscription, String secret) {
    }

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Notifier notifier;
    private final WorkflowService workflows;
    private final PersonService people;
    private final TeamService teams;
    private final InputValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;

    NotificationService(Subscriptions subscriptions, Deliveries deliveries, Notifier notifier, WorkflowService workflows,
            PersonService people, TeamService teams, InputValidator validator, AuditLog auditLog, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.notifier = notifier;
        this.workflows = workflows;
        this.people = people;
        this.teams = teams;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        return subscriptions.findAll();
    }

    @Transactional(readOnly = true)
    public Subscription get(long id) {
        return subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFound("Subscription", id));
    }

    @Transactional(readOnly = true)
    public boolean emailConfigured() {
        return notifier.emailConfigured();
    }

    /** Creates a subscription; bad input is refused whole, naming each field. */
    public Created subscribe(SubscriptionDraft draft) {
        validator.validate(draft);
        List<Violation> violations = new ArrayList<>();
        TextPolicy.problem(draft.name()).ifPresent(r -> violations.add(field("name", r)));
        List<String> types = new ArrayList<>();
        for (int i = 0; i < draft.eventTypes().size(); i++) {
            String type = draft.eventTypes().get(i).trim();
            if (!type.equals("*") && NotificationEvent.byId(type).isEmpty()) {
                violations.add(field("eventTypes[" + i + "]", "unknown event type '" + type + "'; one of *, "
                        + String.join(", ", java.util.Arrays.stream(NotificationEvent.values()).map(NotificationEvent::id)
                                .toList())));
            } else if (!types.contains(type)) {
                types.add(type);
            }
        }
        Long workflowId = null;
        if (draft.workflowKey() != null && !draft.workflowKey().isBlank()) {
            workflowId = workflows.findByKey(draft.workflowKey().trim()).map(w -> w.id()).orElse(null);
            if (workflowId == null) {
                violations.add(field("workflowKey", "no workflow has the key '" + draft.workflowKey() + "'"));
            }
        }
        String url = null;
        String secret = null;
        Long personId = null;
        Long teamId = null;
        if (draft.channel() == NotificationChannel.EMAIL) {
            if (!notifier.emailConfigured()) {
                violations.add(field("channel", "email is not configured: set spring.mail.host (docs/continuous-management.md)"));
            }
            boolean toPerson = draft.personEmail() != null && !draft.personEmail().isBlank();
            if (toPerson == (draft.teamId() != null)) {
                violations.add(field("personEmail", "name either a person (personEmail) or a team (teamId) to write to"));
            } else if (toPerson) {
                personId = people.findByEmail(draft.personEmail().trim().toLowerCase(Locale.ROOT)).filter(Person::active)
                        .map(Person::id).orElse(null);
                if (personId == null) {
                    violations.add(field("personEmail", "no active person in the directory has the email '"
                            + draft.personEmail() + "'"));
                }
            } else if (teams.findAll().stream().noneMatch(t -> t.id() == draft.teamId())) {
                violations.add(field("teamId", "no team has the id " + draft.teamId()));
            } else {
                teamId = draft.teamId();
            }
            if (draft.url() != null && !draft.url().isBlank()) {
                violations.add(field("url", "email subscriptions have no url"));
            }
        } else {
            url = checkedUrl(draft.url(), violations);
            if (draft.channel() == NotificationChannel.WEBHOOK) {
                secret = draft.secret() == null || draft.secret().isBlank()
                        ? HexFormat.of().formatHex(randomBytes())
                        : draft.secret();
                if (secret.length() < 16) {
                    violations.add(field("secret", "use at least 16 characters, or leave it out to have one generated"));
                }
            } else if (draft.secret() != null && !draft.secret().isBlank()) {
                violations.add(field("secret", "only webhooks are signed; Slack and Teams keep their key in the url"));
            }
            if (draft.personEmail() != null && !draft.personEmail().isBlank() || draft.teamId() != null) {
                violations.add(field("personEmail", "only email subscriptions write to people"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The subscription could not be created.", violations);
        }
        long id = subscriptions.insert(new Subscriptions.Row(draft.name().trim(), draft.channel(), url, secret, personId,
                teamId, types, workflowId), PitwallPrincipal.currentActorName(), clock.instant());
        Subscription created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return new Created(created, draft.channel() == NotificationChannel.WEBHOOK ? secret : null);
    }

    public Subscription setEnabled(long id, boolean enabled) {
        Subscription before = get(id);
        subscriptions.enable(id, enabled);
        Subscription after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    public void unsubscribe(long id) {
        Subscription before = get(id);
        subscriptions.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, before));
    }

    /** Queues a test message to one subscription; returns how many deliveries. */
    public int test(long id) {
        Subscription s = get(id);
        return notifier.queue(s, new Notifier.Message(NotificationEvent.TEST, null, "Test notification from Pitwall",
                "This is a test of the subscription '" + s.name() + "', sent by " + PitwallPrincipal.currentActorName()
                        + ".", "/operations/notifications", Map.of("subscriptionId", id)));
    }

    /** Deliveries, newest first: all, or PENDING, DELIVERED or DEAD. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(String status, int limit) {
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw InvalidInputException.ofField("status", "one of PENDING, DELIVERED, DEAD");
        }
        return deliveries.find(status, Math.max(1, Math.min(limit, 500)));
    }

    /** Puts a dead-lettered delivery back in the outbox with fresh attempts. */
    public Delivery replay(long id) {
        Delivery before = deliveries.find(id).orElseThrow(() -> new SubscriptionNotFound("Delivery", id));
        if (!deliveries.replay(id, clock.instant())) {
            throw new ConflictException("DELIVERY_NOT_DEAD", "Only dead-lettered deliveries are replayed; this one is "
                    + before.status() + ".");
        }
        Delivery after = deliveries.find(id).orElseThrow();
        auditLog.append(AuditRecord.updated("delivery", id, before, after));
        return after;
    }

    @Transactional(readOnly = true)
    public long failedDeliveries() {
        return deliveries.count("DEAD");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String checkedUrl(String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(field("url", "is empty; give the http(s) address to post to"));
            return null;
        }
        Optional<String> problem = dev.pitwall.platform.web.WebAddresses.problem(url);
        problem.ifPresent(reason -> violations.add(field("url", reason)));
        return problem.isPresent() ? null : url.trim();
    }

    private static Violation field(String field, String reason) {
        return new Violation(null, null, field, reason);
    }
}
