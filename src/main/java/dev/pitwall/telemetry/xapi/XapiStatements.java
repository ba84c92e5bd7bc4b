package dev.pitwall.telemetry.xapi;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored xAPI statements. */
@Repository
class XapiStatements {

    private final JdbcClient jdbc;

    XapiStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Content digests of the statements already stored, by id. */
    Map<String, String> hashes(Collection<String> ids) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("SELECT statement_id, content_hash FROM telemetry_xapi_statement WHERE statement_id IN (:ids)")
                .param("ids", ids).query((rs, n) -> hashes.put(rs.getString(1), rs.getString(2))).list();
        return hashes;
    }

    void insert(XapiStatement statement, Long personId, Long learningRecordId, long batchId, Instant now) {
        jdbc.sql("""
                INSERT INTO telemetry_xapi_statement (statement_id, content_hash, verb, actor_ref, person_id,
                    learning_record_id, statement, batch_id, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(statement.id(), statement.contentHash(), statement.verb(), statement.actorRef(), personId,
                learningRecordId, statement.json(), batchId, utc(now)).update();
    }

    Optional<String> find(String id) {
        return jdbc.sql("SELECT statement FROM telemetry_xapi_statement WHERE statement_id = ?").param(id)
                .query(String.class).optional();
    }

    /** Statements of learning verbs whose actor matched no person (kept; shown on the ingestion page). */
    List<String> unmatchedActors(int limit) {
        return jdbc.sql("""
                SELECT actor_ref FROM telemetry_xapi_statement WHERE person_id IS NULL AND actor_ref IS NOT NULL
                GROUP BY actor_ref ORDER BY MAX(stored_at) DESC LIMIT :limit
                """).param("limit", limit).query(String.class).list();
    }
}
