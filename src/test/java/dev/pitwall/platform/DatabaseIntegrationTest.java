package dev.pitwall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestDatabases;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PitwallIntegrationTest
class DatabaseIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnTheDatabaseOfThisPass() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestDatabases.POSTGRESQL ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void everyModuleMigrationWasApplied() {
        assertThat(jdbc.sql("SELECT \"version\" FROM flyway_schema_history WHERE success = TRUE").query(String.class).list())
                .contains("1.1", "1.2", "2.1", "2.2");
    }
}
