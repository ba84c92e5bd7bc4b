package dev.pitwall.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database the tests run on, and the throwaway PostgreSQL databases of the PostgreSQL pass:
 * one per Spring test context, created on demand and dropped when the test JVM exits.
 */
public final class TestDatabases {

    /** {@code -Dpitwall.test.database=postgresql} selects the PostgreSQL pass. */
    public static final boolean POSTGRESQL = "postgresql".equalsIgnoreCase(System.getProperty("pitwall.test.database"));

    /** Strict runs (CI) fail instead of skipping when PostgreSQL or Chromium is missing. */
    public static final boolean STRICT = Boolean.getBoolean("pitwall.test.strict") || System.getenv("CI") != null;

    static final String ADMIN_URL = setting("pitwall.test.postgres.url", "PITWALL_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = setting("pitwall.test.postgres.user", "PITWALL_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = setting("pitwall.test.postgres.password", "PITWALL_TEST_POSTGRES_PASSWORD", "");

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static Boolean reachable;

    private TestDatabases() {
    }

    /** Whether the PostgreSQL server answers (checked once per JVM). */
    public static synchronized boolean postgresReachable() {
        if (reachable == null) {
            try (Connection ignored = admin()) {
                reachable = true;
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    /** Creates a fresh database and returns its name. */
    public static synchronized String createDatabase() {
        String name = ("pitwall_test_" + RUN + "_" + NEXT.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + " at " + ADMIN_URL, e);
        }
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
        }
        CREATED.add(name);
        return name;
    }

    public static String urlOf(String name) {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** Drops a database after its context's pool closed (connections left over are ended). */
    public static void drop(String name) {
        drop(name, " WITH (FORCE)");
    }

    /**
     * The last resort at JVM exit, for databases of contexts that never closed (a failed start).
     * It runs beside Spring's own shutdown hooks, so it must not end connections that a context
     * still closing uses: without FORCE, PostgreSQL refuses to drop a database in use.
     */
    private static void dropAll() {
        List.copyOf(CREATED).forEach(name -> drop(name, ""));
    }

    private static synchronized void drop(String name, String option) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + option);
            CREATED.remove(name);
        } catch (SQLException e) {
            // Leaving a throwaway database behind is harmless; the next run uses new names.
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value;
    }
}
