package dev.pitwall.measurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With warm-up on, today's organization scorecard is in the cache soon after start, before any reader asks. */
@PitwallIntegrationTest
@TestPropertySource(properties = "pitwall.measurement.warm-up=true")
class ScorecardWarmUpIntegrationTest {

    @Autowired
    ScorecardCache cache;
    @Autowired
    Clock clock;

    @Test
    void todaysOrganizationScorecardIsComputedAtStart() {
        String key = "organization:" + LocalDate.now(clock);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.computedAt(key) != null);
        assertThat(cache.computedAt(key)).isBeforeOrEqualTo(clock.instant());
    }
}
