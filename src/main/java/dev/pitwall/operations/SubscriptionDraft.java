package dev.pitwall.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription to create.
 *
 * @param url the http(s) endpoint for WEBHOOK, SLACK and TEAMS
 * @param secret for WEBHOOK: the key of the HMAC-SHA256 signature; generated when left out
 * @param personEmail for EMAIL: the person of the directory to write to
 * @param teamId for EMAIL: the team whose active members are written to (instead of a person)
 * @param eventTypes event types, e.g. {@code incident.opened}, or {@code *} for all
 * @param workflowKey only events of this workflow; empty for every workflow
 */
public record SubscriptionDraft(@NotBlank @Size(max = 200) String name, @NotNull NotificationChannel channel,
        @Size(max = 2000) String url, @Size(max = 200) String secret, @Size(max = 320) String personEmail, Long teamId,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank String> eventTypes, @Size(max = 100) String workflowKey) {
}
