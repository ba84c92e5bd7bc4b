package dev.pitwall.operations;

import java.time.Instant;

/**
 * One notification to one recipient, from the outbox: PENDING until delivered, retried with
 * backoff, DEAD (the dead-letter list) after the last attempt failed, until replayed.
 *
 * @param deliveryId the id receivers see ({@code Pitwall-Delivery}), the same on every attempt
 * @param subscriptionId its subscription, or {@code null} for an email to the person an incident
 *     was routed to (or when the subscription was deleted)
 */
public record Delivery(long id, String deliveryId, Long subscriptionId, String subscriptionName,
        NotificationChannel channel, String recipient, String eventType, String subject, String status, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {
}
