package dev.pitwall.platform.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code databaseWrites}: UP only when the database accepts a write. Spring Boot's {@code db}
 * check runs a query, which kept succeeding while every insert failed; this one inserts a row into
 * a table with a CHECK constraint and rolls it back, so it leaves nothing behind.
 */
@Component("databaseWrites")
class DatabaseWritesHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DatabaseWritesHealthIndicator(JdbcClient jdbc, PlatformTransactionManager transactions) {
        super("The database does not accept writes");
        this.jdbc = jdbc;
        // No transaction timeout: H2 turns a statement's query timeout into one of its connection,
        // which the pool then lends on with it (a 5 s limit cancelled the demo's rollups).
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO platform_write_probe (id, state) VALUES (1, 'PROBE')").update();
            status.setRollbackOnly();
        });
        builder.up();
    }
}
