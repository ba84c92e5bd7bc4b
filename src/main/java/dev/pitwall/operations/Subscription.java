package dev.pitwall.operations;

import java.time.Instant;
import java.util.List;

/**
 * A subscription to notifications. The webhook secret is never shown again after creation; only
 * whether one is set.
 *
 * @param url for WEBHOOK, SLACK and TEAMS
 * @param personEmail for EMAIL to a person
 * @param teamId for EMAIL to a team's active members
 * @param eventTypes the event types it receives, e.g. {@code incident.opened}; {@code *} for all
 * @param workflowKey only events of this workflow, or {@code null} for all
 */
public record Subscription(long id, String name, NotificationChannel channel, String url, boolean signed,
        String personEmail, Long teamId, String teamName, List<String> eventTypes, String workflowKey, boolean enabled,
        Instant createdAt, String createdBy) {

    /** Whether it receives this event of this workflow ({@code null}: of none). */
    public boolean receives(NotificationEvent event, String workflow) {
        boolean type = eventTypes.contains("*") ? event != NotificationEvent.TEST : eventTypes.contains(event.id());
        return enabled && type && (workflowKey == null || workflowKey.equals(workflow));
    }
}
