package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionBatch;
import dev.pitwall.telemetry.SourceStatus;
import dev.pitwall.telemetry.TelemetrySource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The batches events arrived in, with their accounting. */
@Repository
public class Batches {

    /** How many rejections a batch keeps for the ingestion page; the response names all of them. */
    static final int KEPT_REJECTIONS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Batches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a batch. {@code rollsUp}: whether its rows go into the daily rollups (usage events do,
     * evaluations and learning records do not); a batch that stored nothing has nothing to roll up.
     */
    public long insert(TelemetrySource source, String actor, int accepted, int duplicates, int rejected, int skipped,
            List<Violation> rejections, Instant now, boolean rollsUp) {
        return insert(source, actor, accepted, 0, duplicates, rejected, skipped, rejections, now, rollsUp);
    }

    private long insert(TelemetrySource source, String actor, int accepted, int queued, int duplicates, int rejected,
            int skipped, List<Violation> rejections, Instant now, boolean rollsUp) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String kept = rejections.isEmpty() ? null
                : JSON.writeValueAsString(rejections.subList(0, Math.min(KEPT_REJECTIONS, rejections.size())));
        jdbc.sql("""
                INSERT INTO telemetry_batch (source, received_at, actor, accepted, queued, duplicates, rejected, skipped,
                    rejections, rolled_up) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(source.name(), utc(now), actor, accepted, queued, duplicates, rejected, skipped, kept, !rollsUp || accepted == 0)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Records an ingestion request whose accepted events went to the Kafka write path: nothing of it
     * is stored here, so it has nothing to roll up; the writers record what they store.
     */
    public long insertQueued(TelemetrySource source, String actor, int queued, int duplicates, int rejected,
            int skipped, List<Violation> rejections, Instant now) {
        return insert(source, actor, 0, queued, duplicates, rejected, skipped, rejections, now, false);
    }

    /** Corrects the accounting when some events turned out to be stored already. */
    public void updateAccounting(long batchId, int accepted, int duplicates) {
        // A batch with nothing stored has nothing to roll up.
        jdbc.sql("UPDATE telemetry_batch SET accepted = ?, duplicates = ?, rolled_up = (rolled_up OR ?) WHERE id = ?")
                .params(accepted, duplicates, accepted == 0, batchId).update();
    }

    /** The oldest committed batches not yet in the rollups. */
    public List<Long> pendingRollup(int limit) {
        return jdbc.sql("SELECT id FROM telemetry_batch WHERE rolled_up = FALSE ORDER BY id LIMIT :limit")
                .param("limit", limit).query(Long.class).list();
    }

    /** Marks batches rolled up; the caller holds the rollup lock, so none is marked twice. */
    public void markRolledUp(List<Long> batchIds) {
        jdbc.sql("UPDATE telemetry_batch SET rolled_up = TRUE WHERE id IN (:ids)").param("ids", batchIds).update();
    }

    public long countPendingRollup() {
        return jdbc.sql("SELECT COUNT(*) FROM telemetry_batch WHERE rolled_up = FALSE").query(Long.class).single();
    }

    public List<IngestionBatch> recent(PageQuery page) {
        return jdbc.sql("SELECT * FROM telemetry_batch ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset()).query(Batches::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM telemetry_batch").query(Long.class).single();
    }

    /** Per source: batches, accepted, duplicates, rejected, skipped, last arrival. */
    public List<SourceStatus> bySource() {
        return jdbc.sql("""
                SELECT source, COUNT(*) AS batches, SUM(accepted) AS accepted, SUM(duplicates) AS duplicates,
                       SUM(rejected) AS rejected, SUM(skipped) AS skipped, MAX(received_at) AS last_received_at
                FROM telemetry_batch GROUP BY source
                """).query((rs, n) -> new SourceStatus(TelemetrySource.valueOf(rs.getString("source")),
                        rs.getLong("batches"), rs.getLong("accepted"), rs.getLong("duplicates"), rs.getLong("rejected"),
                        rs.getLong("skipped"), instant(rs, "last_received_at"))).list();
    }

    public Optional<IngestionBatch> findById(long id) {
        return jdbc.sql("SELECT * FROM telemetry_batch WHERE id = ?").param(id).query(Batches::map).optional();
    }

    private static IngestionBatch map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String rejections = rs.getString("rejections");
        return new IngestionBatch(rs.getLong("id"), TelemetrySource.valueOf(rs.getString("source")),
                instant(rs, "received_at"), rs.getString("actor"), rs.getInt("accepted"), rs.getInt("duplicates"),
                rs.getInt("rejected"), rs.getInt("skipped"), rejections == null ? List.of()
                        : JSON.readValue(rejections, new TypeReference<List<Violation>>() { }),
                rs.getBoolean("rolled_up"), rs.getInt("queued"));
    }
}
