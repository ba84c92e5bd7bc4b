package dev.pitwall.telemetry.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The monthly partitions of the ClickHouse store's event keys on PostgreSQL,
 * {@code telemetry_event_key} (V4_22): retention drops a month of keys with the month of events.
 */
@Component
public class EventKeyPartitions extends MonthlyPartitions {

    EventKeyPartitions(JdbcClient jdbc, PlatformTransactionManager transactionManager, DatabaseKind database,
            Clock clock) {
        super("telemetry_event_key", jdbc, transactionManager, database, clock);
    }
}
