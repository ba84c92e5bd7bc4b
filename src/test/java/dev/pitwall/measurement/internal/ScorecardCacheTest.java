package dev.pitwall.measurement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.measurement.internal.ScorecardCache.Versions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScorecardCacheTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<Runnable> background = new ArrayList<>();
    private final ScorecardCache cache = new ScorecardCache(2, Duration.ofSeconds(60), clock, background::add);
    private final AtomicInteger computations = new AtomicInteger();

    private Integer compute() {
        return computations.incrementAndGet();
    }

    @Test
    void anOperatingModelChangeRecomputesAtOnce() {
        assertThat(cache.<Integer>get("k", new Versions(1, "u1"), this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("k", new Versions(1, "u1"), this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("k", new Versions(2, "u1"), this::compute)).isEqualTo(2);
        assertThat(background).isEmpty();
    }

    @Test
    void newUsageIsServedStaleWithinTheTtlThenRefreshedInTheBackground() {
        cache.get("k", new Versions(1, "u1"), this::compute);
        now = now.plusSeconds(30);
        assertThat(cache.<Integer>get("k", new Versions(1, "u2"), this::compute)).isEqualTo(1);
        assertThat(background).isEmpty();
        now = now.plusSeconds(31);
        // older than the TTL: the stale value once more, and one refresh however many readers come
        assertThat(cache.<Integer>get("k", new Versions(1, "u2"), this::compute)).isEqualTo(1);
        assertThat(cache.<Integer>get("k", new Versions(1, "u3"), this::compute)).isEqualTo(1);
        assertThat(background).hasSize(1);
        background.remove(0).run();
        assertThat(cache.<Integer>get("k", new Versions(1, "u2"), this::compute)).isEqualTo(2);
        assertThat(cache.computedAt("k")).isEqualTo(now);
    }

    @Test
    void aZeroTtlRecomputesOnNewUsageAndTheEldestEntryGoes() {
        ScorecardCache strict = new ScorecardCache(2, Duration.ZERO, clock, background::add);
        strict.get("a", new Versions(1, "u1"), this::compute);
        assertThat(strict.<Integer>get("a", new Versions(1, "u2"), this::compute)).isEqualTo(2);
        strict.get("b", new Versions(1, "u2"), this::compute);
        strict.get("c", new Versions(1, "u2"), this::compute);
        assertThat(strict.computedAt("a")).isNull();
        assertThat(background).isEmpty();
    }
}
