package dev.pitwall.telemetry.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The monthly partitions of raw usage events on PostgreSQL, {@code telemetry_usage_event} (V4_14). */
@Component
public class UsageEventPartitions extends MonthlyPartitions {

    UsageEventPartitions(JdbcClient jdbc, PlatformTransactionManager transactionManager, DatabaseKind database,
            Clock clock) {
        super("telemetry_usage_event", jdbc, transactionManager, database, clock);
    }
}
