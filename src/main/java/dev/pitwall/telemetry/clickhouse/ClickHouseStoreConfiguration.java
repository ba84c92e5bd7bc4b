package dev.pitwall.telemetry.clickhouse;

import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.internal.BulkInsert;
import dev.pitwall.telemetry.internal.EventKeyPartitions;
import dev.pitwall.telemetry.internal.ReferenceCache;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ClickHouse event store, only when {@code pitwall.telemetry.store=clickhouse}: its database
 * and tables are created at start (which fails, saying why, when ClickHouse does not answer), and
 * it replaces the database's events table as the {@code UsageEventStore}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pitwall.telemetry.store", havingValue = "clickhouse")
class ClickHouseStoreConfiguration {

    @Bean
    ClickHouseUsageEvents clickHouseUsageEvents(TelemetryProperties telemetry) {
        TelemetryProperties.ClickHouse settings = telemetry.clickhouse();
        ClickHouseClient client = new ClickHouseClient(URI.create(settings.url()), settings.database(), settings.user(),
                settings.password(), settings.timeout());
        ClickHouseUsageEvents events = new ClickHouseUsageEvents(client);
        try {
            events.createTables();
        } catch (RuntimeException e) {
            throw new IllegalStateException("pitwall.telemetry.store=clickhouse, but ClickHouse at " + settings.url()
                    + " (database " + settings.database() + ") refused or did not answer: " + e.getMessage(), e);
        }
        return events;
    }

    @Bean
    @Primary
    ClickHouseEventStore clickHouseEventStore(ClickHouseUsageEvents events, JdbcClient jdbc, BulkInsert bulk,
            ReferenceCache references, EventKeyPartitions keyPartitions, Clock clock) {
        return new ClickHouseEventStore(events, jdbc, bulk, references, keyPartitions, clock);
    }
}
