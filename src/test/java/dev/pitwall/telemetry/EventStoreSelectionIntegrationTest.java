package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.telemetry.clickhouse.ClickHouseEventStore;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestClickHouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each test pass runs on the event store it names: the database's events table on H2 and on
 * PostgreSQL, ClickHouse in the third pass (else that pass would test the database store again).
 */
@PitwallIntegrationTest
class EventStoreSelectionIntegrationTest {

    @Autowired
    UsageEventStore store;

    @Test
    void thePassRunsOnTheStoreItNames() {
        assertThat(store).isInstanceOf(TestClickHouse.STORE ? ClickHouseEventStore.class : UsageEvents.class);
    }
}
