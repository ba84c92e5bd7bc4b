package dev.pitwall.operations;

import dev.pitwall.operations.internal.Notifier;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed webhooks and emails other modules send to an address of their own (human review's decisions
 * to the AI system's callback, board packs to their subscribers), through the notification outbox: written in the caller's transaction,
 * retried with backoff, dead-lettered and replayable like every delivery.
 */
@Service
public class Callbacks {

    private final Notifier notifier;

    Callbacks(Notifier notifier) {
        this.notifier = notifier;
    }

    /**
     * Queues a POST of the version-1 payload to {@code url}, signed with {@code signingSecret}
     * ({@code Pitwall-Signature}).
     *
     * @param path the page in Pitwall the payload links to
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String url, String signingSecret, NotificationEvent event, String workflowKey, String subject,
            String text, String path, Map<String, Object> data) {
        notifier.webhook(url, signingSecret, new Notifier.Message(event, workflowKey, subject, text, path, data));
    }

    /**
     * Queues an email to one address outside any subscription (a board pack to its subscriber),
     * delivered, retried and dead-lettered like every delivery; false when email is not configured.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean email(String address, NotificationEvent event, String subject, String text, String path,
            Map<String, Object> data) {
        return notifier.email(address, new Notifier.Message(event, null, subject, text, path, data));
    }

    /** Whether email can be sent (Spring's {@code spring.mail.host} is set). */
    public boolean emailConfigured() {
        return notifier.emailConfigured();
    }

    /** Queues the event for every subscription that receives it (docs/continuous-management.md). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int publish(NotificationEvent event, String workflowKey, String subject, String text, String path,
            Map<String, Object> data) {
        return notifier.publish(new Notifier.Message(event, workflowKey, subject, text, path, data));
    }
}
