package dev.pitwall.platform.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code WHERE} clause of a filtered list from optional filters: a condition is added
 * only when its value is present, and values are always bound as named parameters.
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} (which uses {@code :name}) when {@code value} is not {@code null}. */
    public SqlWhere and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** {@code " WHERE a AND b"}, or empty when no filter applies. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }
}
