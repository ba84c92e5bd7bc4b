package dev.pitwall.operations;

/** Where a subscription delivers. */
public enum NotificationChannel {
    /** A JSON payload (docs/continuous-management.md, "Webhooks"), signed with HMAC-SHA256. */
    WEBHOOK,
    /** A Slack incoming webhook: {@code {"text": …}}. */
    SLACK,
    /** A Microsoft Teams incoming webhook (Workflows): a message with an Adaptive Card. */
    TEAMS,
    /** Email to a person of the directory or to every active member of a team. */
    EMAIL
}
