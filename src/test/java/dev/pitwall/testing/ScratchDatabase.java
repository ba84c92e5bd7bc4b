package dev.pitwall.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty database of the pass's kind for one test, without the application: a fresh PostgreSQL
 * database in the PostgreSQL pass, an in-memory H2 database (in PostgreSQL mode, as the
 * application opens it) otherwise. For tests of migrations and of repositories on their own.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final SingleConnectionDataSource dataSource;

    public ScratchDatabase() {
        if (TestDatabases.POSTGRESQL) {
            name = TestDatabases.createDatabase();
            dataSource = new SingleConnectionDataSource(TestDatabases.urlOf(name), TestDatabases.USER,
                    TestDatabases.PASSWORD, true);
        } else {
            name = null;
            dataSource = new SingleConnectionDataSource("jdbc:h2:mem:scratch-" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Flyway over the application's migrations for this database (the shared ones, then its own). */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).outOfOrder(true).locations("classpath:db/migration",
                TestDatabases.POSTGRESQL ? "classpath:db/migration-postgresql" : "classpath:db/migration-h2");
    }

    @Override
    public void close() {
        dataSource.destroy();
        if (name != null) {
            TestDatabases.drop(name);
        }
    }
}
