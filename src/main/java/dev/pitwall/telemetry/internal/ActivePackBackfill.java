package dev.pitwall.telemetry.internal;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 4.20: fills the active-day packs (V4_19) from telemetry_active_month, for databases
 * that had usage before the packs existed. A Java migration because the packs are binary values
 * that portable SQL cannot build; Spring Boot hands Flyway every {@link JavaMigration} bean.
 */
@Component
class ActivePackBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.20");
    }

    @Override
    public String getDescription() {
        return "active packs backfill";
    }

    @Override
    public Integer getChecksum() {
        return 420;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // Flyway owns the connection and its transaction: not closed or committed here.
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        int[] months = ActivePacks.monthRange(jdbc);
        if (months != null) {
            ActivePacks.rebuild(jdbc, months[0], months[1]);
        }
    }
}
