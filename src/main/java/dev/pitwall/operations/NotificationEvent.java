package dev.pitwall.operations;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about; {@link #id()} is the event type in payloads and subscriptions. */
public enum NotificationEvent {
    INCIDENT_OPENED("incident.opened"),
    /** An incident was routed to a person (who is emailed directly when email is configured). */
    INCIDENT_ROUTED("incident.routed"),
    INCIDENT_ESCALATED("incident.escalated"),
    INCIDENT_ACKNOWLEDGED("incident.acknowledged"),
    INCIDENT_MITIGATED("incident.mitigated"),
    INCIDENT_RESOLVED("incident.resolved"),
    /** The workflow entered fallback mode: its AI systems must stop acting (the payload says STOP). */
    FALLBACK_ENTERED("workflow.fallback.entered"),
    /** Fallback mode ended: the AI systems may act again (RESUME). */
    FALLBACK_ENDED("workflow.fallback.ended"),
    WORKFLOW_DEMOTED("workflow.demoted"),
    REVIEW_RECORDED("review.recorded"),
    /** A review item was decided (to the AI system's callback, docs/review.md). */
    REVIEW_DECIDED("review.decided"),
    /** A board pack was made (and is emailed to its subscribers, docs/board-pack.md). */
    BOARD_PACK_PUBLISHED("board-pack.published"),
    /** Sent by hand from the notifications page to try a subscription. */
    TEST("test");

    private final String id;

    NotificationEvent(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NotificationEvent> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
