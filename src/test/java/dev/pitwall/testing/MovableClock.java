package dev.pitwall.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests that move time: a test imports {@link Configuration}, which makes
 * it the primary clock bean, then sets it to a day or moves it forward. Milliseconds only, as the
 * databases keep them.
 */
public final class MovableClock extends Clock {

    /** Makes a {@link MovableClock} the application's clock. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class Configuration {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** Noon (UTC) of {@code day}. */
    public void set(LocalDate day) {
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
