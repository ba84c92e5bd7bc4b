package dev.pitwall.telemetry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database Pitwall runs on, for the two statements that differ: bulk insert ({@code COPY}
 * on PostgreSQL) and the rollup upsert ({@code ON CONFLICT} on PostgreSQL, {@code MERGE} on H2).
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    DatabaseKind(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database Pitwall runs on", e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
