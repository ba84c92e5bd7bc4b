package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.Evaluation;
import dev.pitwall.telemetry.EvaluationSummary;
import dev.pitwall.telemetry.IncomingEvaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Evaluation scores of AI systems. */
@Repository
public class Evaluations {

    /** An evaluation with its system and workflow resolved, ready to store. */
    public record Resolved(IncomingEvaluation evaluation, long systemId, Long workflowId) {
    }

    private static final String SELECT = """
            SELECT v.*, s.system_key, w.workflow_key FROM telemetry_evaluation v
            JOIN portfolio_ai_system s ON s.id = v.system_id
            LEFT JOIN portfolio_workflow w ON w.id = v.workflow_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Evaluations(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT evaluation_id FROM telemetry_evaluation WHERE evaluation_id IN (:ids)")
                .param("ids", ids).query(String.class).list());
    }

    public void insertAll(List<Resolved> evaluations, long batchId, Instant now) {
        List<Object[]> rows = new ArrayList<>(evaluations.size());
        for (Resolved r : evaluations) {
            IncomingEvaluation e = r.evaluation();
            rows.add(new Object[] {e.evaluationId(), utc(e.time()), e.time().atOffset(ZoneOffset.UTC).toLocalDate(),
                r.systemId(), r.workflowId(), e.eventRef(), e.name(), e.scoreValue(), e.scoreLabel(), e.responseId(),
                batchId, utc(now)});
        }
        template.batchUpdate("""
                INSERT INTO telemetry_evaluation (evaluation_id, occurred_at, event_day, system_id, workflow_id, event_ref,
                    name, score_value, score_label, response_id, batch_id, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    public List<Evaluation> find(SqlWhere where, PageQuery page) {
        return jdbc.sql(SELECT + where.sql() + " ORDER BY v.occurred_at DESC, v.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Evaluation(rs.getString("evaluation_id"), instant(rs, "occurred_at"),
                        rs.getString("system_key"), rs.getString("workflow_key"), rs.getString("event_ref"),
                        rs.getString("name"), (Double) rs.getObject("score_value", Double.class),
                        rs.getString("score_label"), rs.getString("response_id"), rs.getLong("batch_id")))
                .list();
    }

    public long count(SqlWhere where) {
        return jdbc.sql("SELECT COUNT(*) FROM telemetry_evaluation v" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    public List<EvaluationSummary> summary(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.system_key, v.name, COUNT(*) AS evaluations, COUNT(v.score_value) AS scored,
                       AVG(v.score_value) AS mean_score, MIN(v.score_value) AS min_score, MAX(v.score_value) AS max_score
                FROM telemetry_evaluation v JOIN portfolio_ai_system s ON s.id = v.system_id
                WHERE v.event_day BETWEEN :from AND :to
                GROUP BY s.system_key, v.name ORDER BY s.system_key, v.name
                """).param("from", from).param("to", to)
                .query((rs, n) -> new EvaluationSummary(rs.getString("system_key"), rs.getString("name"),
                        rs.getLong("evaluations"), rs.getLong("scored"), (Double) rs.getObject("mean_score", Double.class),
                        (Double) rs.getObject("min_score", Double.class), (Double) rs.getObject("max_score", Double.class)))
                .list();
    }
}
