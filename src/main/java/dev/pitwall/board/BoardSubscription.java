package dev.pitwall.board;

import java.time.Instant;

/** A user's subscription to the monthly or quarterly board pack, emailed to {@code email}. */
public record BoardSubscription(long id, long userId, String username, String email, BoardPackPeriod.Cadence cadence,
        Instant createdAt) {
}
