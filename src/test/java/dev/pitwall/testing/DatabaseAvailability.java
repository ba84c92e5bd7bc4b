package dev.pitwall.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL pass, skips database tests when no PostgreSQL server answers on a developer
 * machine, and fails them in strict runs (CI), where PostgreSQL must be there; in the ClickHouse
 * pass, likewise when no ClickHouse server answers.
 */
public class DatabaseAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabases.POSTGRESQL) {
            return ConditionEvaluationResult.enabled("running on embedded H2");
        }
        if (TestDatabases.postgresReachable()) {
            if (TestClickHouse.STORE) {
                // The third pass needs ClickHouse too.
                return new TestClickHouse().evaluateExecutionCondition(context);
            }
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + TestDatabases.ADMIN_URL);
        }
        if (TestDatabases.STRICT) {
            throw new IllegalStateException("PostgreSQL is required in this run but does not answer at "
                    + TestDatabases.ADMIN_URL + " (start it, or set pitwall.test.postgres.url)");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + TestDatabases.ADMIN_URL
                + "; database tests ran on H2 only");
    }
}
