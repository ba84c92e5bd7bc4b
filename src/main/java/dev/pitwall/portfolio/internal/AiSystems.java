package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.TelemetryKey;
import dev.pitwall.portfolio.TelemetryKeyKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The AI systems table and their telemetry keys. */
@Repository
public class AiSystems {

    private static final String SELECT = """
            SELECT s.*, p.name AS owner_name FROM portfolio_ai_system s
            LEFT JOIN people_person p ON p.id = s.owner_id
            """;

    private final JdbcClient jdbc;

    AiSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AiSystem> findAll() {
        return withKeys(jdbc.sql(SELECT + " ORDER BY s.name").query(AiSystems::map).list());
    }

    public Optional<AiSystem> findByKey(String key) {
        return withKeys(jdbc.sql(SELECT + " WHERE s.system_key = ?").param(key).query(AiSystems::map).list())
                .stream().findFirst();
    }

    public long insert(AiSystemDraft draft, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_ai_system (system_key, name, kind, provider, models, owner_id, description,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(draft.key(), draft.name(), draft.kind().name(), draft.provider(),
                        String.join(",", draft.modelsOrEmpty()), draft.ownerId(), draft.description(), utc(now), utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertKeys(id, draft.telemetryKeysOrEmpty());
        return id;
    }

    public void update(long id, AiSystemDraft draft, Instant now) {
        jdbc.sql("""
                UPDATE portfolio_ai_system SET system_key = ?, name = ?, kind = ?, provider = ?, models = ?, owner_id = ?,
                    description = ?, updated_at = ? WHERE id = ?
                """)
                .params(draft.key(), draft.name(), draft.kind().name(), draft.provider(),
                        String.join(",", draft.modelsOrEmpty()), draft.ownerId(), draft.description(), utc(now), id)
                .update();
        jdbc.sql("DELETE FROM portfolio_telemetry_key WHERE system_id = ?").param(id).update();
        insertKeys(id, draft.telemetryKeysOrEmpty());
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM portfolio_ai_system WHERE id = ?").param(id).update();
    }

    /** Workflows that use the system. */
    public long usage(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM portfolio_workflow_system WHERE system_id = ?").param(id)
                .query(Long.class).single();
    }

    /** The ids of the systems whose key of {@code kind} has this value (case-insensitive). */
    public List<Matched> matching(TelemetryKeyKind kind, String value) {
        return jdbc.sql("""
                SELECT k.system_id, k.model, s.system_key FROM portfolio_telemetry_key k
                JOIN portfolio_ai_system s ON s.id = k.system_id
                WHERE k.kind = ? AND LOWER(k.key_value) = LOWER(?) ORDER BY s.system_key
                """).params(kind.name(), value)
                .query((rs, n) -> new Matched(rs.getLong(1), rs.getString(3), rs.getString(2))).list();
    }

    /** A telemetry key that matched: its system and, for provider keys, the model it is limited to. */
    public record Matched(long systemId, String systemKey, String model) {
    }

    private void insertKeys(long systemId, List<TelemetryKey> keys) {
        for (TelemetryKey key : keys) {
            jdbc.sql("INSERT INTO portfolio_telemetry_key (system_id, kind, key_value, model) VALUES (?, ?, ?, ?)")
                    .params(systemId, key.kind().name(), key.value().trim(),
                            key.model() == null || key.model().isBlank() ? null : key.model().trim())
                    .update();
        }
    }

    private List<AiSystem> withKeys(List<AiSystem> systems) {
        if (systems.isEmpty()) {
            return systems;
        }
        Map<Long, List<TelemetryKey>> keys = new HashMap<>();
        jdbc.sql("SELECT * FROM portfolio_telemetry_key WHERE system_id IN (:ids) ORDER BY id")
                .param("ids", systems.stream().map(AiSystem::id).toList())
                .query(rs -> {
                    keys.computeIfAbsent(rs.getLong("system_id"), k -> new ArrayList<>()).add(new TelemetryKey(
                            TelemetryKeyKind.valueOf(rs.getString("kind")), rs.getString("key_value"), rs.getString("model")));
                });
        return systems.stream().map(s -> new AiSystem(s.id(), s.key(), s.name(), s.kind(), s.provider(), s.models(),
                s.ownerId(), s.ownerName(), s.description(), List.copyOf(keys.getOrDefault(s.id(), List.of())))).toList();
    }

    private static AiSystem map(ResultSet rs, int row) throws SQLException {
        String models = rs.getString("models");
        return new AiSystem(rs.getLong("id"), rs.getString("system_key"), rs.getString("name"),
                AiSystemKind.valueOf(rs.getString("kind")), rs.getString("provider"),
                models == null || models.isBlank() ? List.of() : Arrays.asList(models.split(",")),
                nullableLong(rs, "owner_id"), rs.getString("owner_name"), rs.getString("description"), List.of());
    }
}
