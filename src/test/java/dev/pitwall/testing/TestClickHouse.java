package dev.pitwall.testing;

import dev.pitwall.telemetry.clickhouse.ClickHouseClient;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The ClickHouse server the ClickHouse tests talk to (started by scripts/prepare-test-env.sh and
 * .ci/run): {@code PITWALL_TEST_CLICKHOUSE_URL}, by default {@code http://127.0.0.1:8123}. Each
 * test gets a throwaway database of its own. Without a server the tests are skipped on a
 * developer's machine and fail in strict runs (CI), as for PostgreSQL.
 */
public final class TestClickHouse implements ExecutionCondition {

    public static final URI URL = URI.create(System.getProperty("pitwall.test.clickhouse.url",
            System.getenv().getOrDefault("PITWALL_TEST_CLICKHOUSE_URL", "http://127.0.0.1:8123")));
    /**
     * {@code -Dpitwall.test.store=clickhouse} selects the third pass: the database tests of telemetry
     * and measurement on PostgreSQL with raw events in ClickHouse.
     */
    public static final boolean STORE = "clickhouse".equalsIgnoreCase(System.getProperty("pitwall.test.store"));

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Set<String> CONTEXT_DATABASES = new HashSet<>();
    private static Boolean reachable;

    /** A client of a new, empty database (created by the first statement that needs it). */
    public static ClickHouseClient newDatabase() {
        String name = ("pitwall_test_" + RUN + "_" + NEXT.incrementAndGet()).toLowerCase(Locale.ROOT);
        return new ClickHouseClient(URL, name, "default", "", Duration.ofSeconds(60));
    }

    /** A client of a named database (a test context's, a test process's). */
    public static ClickHouseClient client(String database) {
        return new ClickHouseClient(URL, database, "default", "", Duration.ofSeconds(60));
    }

    /** Drops a test's database. */
    public static void drop(ClickHouseClient client) {
        client.execute("DROP DATABASE IF EXISTS " + client.database());
    }

    /**
     * Records a test context's database (the third pass): dropped when the context closes, and at
     * the latest when the test JVM exits — not every cached context is closed before it does.
     */
    public static void created(String database) {
        synchronized (CONTEXT_DATABASES) {
            if (CONTEXT_DATABASES.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    List<String> left;
                    synchronized (CONTEXT_DATABASES) {
                        left = List.copyOf(CONTEXT_DATABASES);
                    }
                    left.forEach(TestClickHouse::drop);
                }, "drop-test-clickhouse-databases"));
            }
            CONTEXT_DATABASES.add(database);
        }
    }

    /** Drops a test context's database (the third pass); harmless when already gone or unreachable. */
    public static void drop(String database) {
        try {
            drop(client(database));
            synchronized (CONTEXT_DATABASES) {
                CONTEXT_DATABASES.remove(database);
            }
        } catch (RuntimeException e) {
            // A throwaway database left behind is harmless; the next run uses new names.
        }
    }

    static synchronized boolean reachable() {
        if (reachable == null) {
            reachable = new ClickHouseClient(URL, "default", "default", "", Duration.ofSeconds(5)).reachable();
        }
        return reachable;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("ClickHouse answers at " + URL);
        }
        if (TestDatabases.STRICT) {
            throw new IllegalStateException("ClickHouse is required in this run but does not answer at " + URL
                    + " (bash scripts/clickhouse.sh starts it)");
        }
        return ConditionEvaluationResult.disabled("ClickHouse does not answer at " + URL
                + " (bash scripts/clickhouse.sh installs and starts it)");
    }
}
