package dev.pitwall.operations.internal;

import dev.pitwall.operations.NotificationChannel;
import dev.pitwall.operations.NotificationEvent;
import dev.pitwall.operations.NotificationProperties;
import dev.pitwall.operations.Subscription;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.organization.OrganizationService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts notifications in the outbox, in the transaction of what they report, so none is lost and
 * none is sent for something rolled back: one delivery per subscription that receives the event
 * (per recipient for email), and an email to a named person when email is configured.
 */
@Component
public class Notifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What happened, for every channel.
     *
     * @param workflowKey the workflow it concerns, or {@code null}
     * @param subject one line, e.g. "SEV2 incident opened: Quality below target"
     * @param text a few sentences for people
     * @param path the page in Pitwall, e.g. {@code /operations/incidents/12}
     * @param data the event's facts for machines (the webhook payload's {@code data})
     */
    public record Message(NotificationEvent event, String workflowKey, String subject, String text, String path,
            Map<String, Object> data) {
    }

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final PersonService people;
    private final TeamService teams;
    private final OrganizationService organization;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifier(Subscriptions subscriptions, Deliveries deliveries, PersonService people, TeamService teams,
            OrganizationService organization, ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.people = people;
        this.teams = teams;
        this.organization = organization;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether email can be sent (Spring's {@code spring.mail.host} is set). */
    public boolean emailConfigured() {
        return mail.getIfAvailable() != null;
    }

    /** Queues the message for every subscription that receives it; returns how many deliveries. */
    public int publish(Message message) {
        int queued = 0;
        for (Subscription s : subscriptions.findAll()) {
            if (s.receives(message.event(), message.workflowKey())) {
                queued += queue(s, message);
            }
        }
        return queued;
    }

    /** Queues the message for one subscription (a test sends it whatever its event types). */
    public int queue(Subscription s, Message message) {
        String payload = payload(message);
        Instant now = clock.instant();
        if (s.channel() != NotificationChannel.EMAIL) {
            deliveries.insert(UUID.randomUUID().toString(), s.id(), s.channel(), subscriptions.url(s.id()), message.event().id(),
                    truncate(message.subject()), payload, now);
            return 1;
        }
        List<String> to = s.teamId() != null
                ? people.findAllById(teams.activeMemberIds(s.teamId())).stream().map(Person::email).sorted().toList()
                : s.personEmail() == null ? List.of() : List.of(s.personEmail());
        to.forEach(email -> deliveries.insert(UUID.randomUUID().toString(), s.id(), NotificationChannel.EMAIL, email,
                message.event().id(), truncate(message.subject()), payload, now));
        return to.size();
    }

    /** Emails one person directly (e.g. whom an incident was routed to); false when email is not configured. */
    public boolean email(String address, Message message) {
        if (address == null || !emailConfigured()) {
            return false;
        }
        deliveries.insert(UUID.randomUUID().toString(), null, NotificationChannel.EMAIL, address, message.event().id(),
                truncate(message.subject()), payload(message), clock.instant());
        return true;
    }

    /**
     * Queues a signed webhook to one address outside any subscription (an AI system's callback),
     * delivered, retried and dead-lettered like the others.
     */
    public void webhook(String url, String signingSecret, Message message) {
        deliveries.insert(UUID.randomUUID().toString(), null, NotificationChannel.WEBHOOK, url, message.event().id(),
                truncate(message.subject()), payload(message), signingSecret, clock.instant());
    }

    /** The versioned payload (docs/continuous-management.md, "Webhooks"). */
    private String payload(Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1");
        body.put("id", UUID.randomUUID().toString());
        body.put("type", message.event().id());
        body.put("occurredAt", clock.instant().toString());
        body.put("organization", organization.get().name());
        body.put("workflowKey", message.workflowKey());
        body.put("subject", message.subject());
        body.put("text", message.text());
        body.put("url", properties.link(message.path()));
        body.put("data", message.data());
        return JSON.writeValueAsString(body);
    }

    private static String truncate(String subject) {
        return subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
    }
}
