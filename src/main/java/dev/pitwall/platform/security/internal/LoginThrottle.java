package dev.pitwall.platform.security.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, on every node alike (the counts are in the database). A user
 * name is blocked for one minute after {@value #USER_FAILURES} failed sign-ins in a row, and for
 * twice as long after each further failure, up to 15 minutes; a client address is blocked for
 * five minutes after {@value #ADDRESS_FAILURES} failures (password spraying across names). A
 * success clears the name's count. The block is temporary on purpose: a permanent lockout would
 * let anyone lock the administrator out.
 */
@Component
class LoginThrottle {

    static final int USER_FAILURES = 5;
    static final int ADDRESS_FAILURES = 30;
    private static final Duration FIRST_BLOCK = Duration.ofMinutes(1);
    private static final Duration LONGEST_BLOCK = Duration.ofMinutes(15);
    private static final Duration ADDRESS_BLOCK = Duration.ofMinutes(5);
    /** Failures older than this no longer count (and their rows are removed). */
    private static final Duration MEMORY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long sign-in stays refused for this name or address, when it is. */
    Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT blocked_until FROM platform_login_throttle WHERE throttle_key IN (?, ?)")
                .params(userKey(username), addressKey(address))
                .query((rs, n) -> Optional.ofNullable(instant(rs, "blocked_until"))).list().stream()
                .flatMap(Optional::stream)
                .filter(until -> until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        int userFailures = count(userKey(username), now);
        if (userFailures >= USER_FAILURES) {
            long doublings = Math.min(userFailures - USER_FAILURES, 10);
            Duration block = FIRST_BLOCK.multipliedBy(1L << doublings);
            block(userKey(username), now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block));
        }
        if (address != null && count(addressKey(address), now) >= ADDRESS_FAILURES) {
            block(addressKey(address), now.plus(ADDRESS_BLOCK));
        }
        jdbc.sql("DELETE FROM platform_login_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)")
                .params(utc(now.minus(MEMORY)), utc(now)).update();
    }

    void succeeded(String username) {
        jdbc.sql("DELETE FROM platform_login_throttle WHERE throttle_key = ?").param(userKey(username)).update();
    }

    /** Adds a failure to the key's count (restarting it when the last failure is forgotten) and returns it. */
    private int count(String key, Instant now) {
        int updated = jdbc.sql("""
                UPDATE platform_login_throttle
                SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ?
                WHERE throttle_key = ?""").params(utc(now.minus(MEMORY)), utc(now), key).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO platform_login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)")
                        .params(key, utc(now)).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                return count(key, now);
            }
        }
        return jdbc.sql("SELECT failures FROM platform_login_throttle WHERE throttle_key = ?").param(key)
                .query(Integer.class).single();
    }

    private void block(String key, Instant until) {
        jdbc.sql("UPDATE platform_login_throttle SET blocked_until = ? WHERE throttle_key = ?").params(utc(until), key)
                .update();
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 300 ? name.substring(0, 300) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
