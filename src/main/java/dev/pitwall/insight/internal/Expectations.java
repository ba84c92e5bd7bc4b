package dev.pitwall.insight.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.insight.Expectation;
import dev.pitwall.insight.Verdict;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Pre-registered expectations and the verdicts given on them. */
@Repository
public class Expectations {

    private static final String SELECT = """
            SELECT e.*, w.workflow_key, k.name AS kpi_name, k.unit FROM insight_expectation e
            JOIN portfolio_workflow w ON w.id = e.workflow_id JOIN measurement_kpi k ON k.id = e.kpi_id
            """;

    private final JdbcClient jdbc;

    Expectations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Expectation> ofWorkflow(long workflowId) {
        return jdbc.sql(SELECT + " WHERE e.workflow_id = :id").param("id", workflowId).query((rs, n) -> map(rs)).optional();
    }

    public List<Expectation> all() {
        return jdbc.sql(SELECT + " ORDER BY w.workflow_key").query((rs, n) -> map(rs)).list();
    }

    /** Records the workflow's expectation, replacing the one it had. */
    public void save(long workflowId, long kpiId, BigDecimal effect, int horizon, String note, String by, Instant at) {
        jdbc.sql("DELETE FROM insight_expectation WHERE workflow_id = :id").param("id", workflowId).update();
        jdbc.sql("""
                INSERT INTO insight_expectation (workflow_id, kpi_id, expected_effect, horizon_months, note, recorded_by,
                    recorded_at) VALUES (:workflow, :kpi, :effect, :horizon, :note, :by, :at)""")
                .param("workflow", workflowId).param("kpi", kpiId).param("effect", effect).param("horizon", horizon)
                .param("note", note).param("by", by).param("at", utc(at)).update();
    }

    /**
     * Keeps the first verdict given on a day, in a transaction of its own: the gate is evaluated in
     * read-only transactions, and its verdict stays on record whatever happens to the caller's.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(Verdict verdict, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO insight_verdict (expectation_id, evaluated_on, verdict, estimate, low, high, reason,
                        recorded_at)
                    SELECT :id, :day, :verdict, :estimate, :low, :high, :reason, :at
                    WHERE NOT EXISTS (SELECT 1 FROM insight_verdict WHERE expectation_id = :id AND evaluated_on = :day)""")
                    .param("id", verdict.expectation().id()).param("day", verdict.evaluatedOn())
                    .param("verdict", verdict.outcome().name())
                    .param("estimate", verdict.effect() == null ? null : verdict.effect().estimate())
                    .param("low", verdict.effect() == null ? null : verdict.effect().low())
                    .param("high", verdict.effect() == null ? null : verdict.effect().high())
                    .param("reason", verdict.reason().length() > 1000 ? verdict.reason().substring(0, 1000) : verdict.reason())
                    .param("at", utc(at)).update();
        } catch (DuplicateKeyException e) {
            // Another evaluation the same day was first: that verdict is the one on record.
        }
    }

    /** The verdicts on record for an expectation, the latest first. */
    public List<String[]> verdicts(long expectationId) {
        return jdbc.sql("SELECT evaluated_on, verdict, reason FROM insight_verdict WHERE expectation_id = :id "
                + "ORDER BY evaluated_on DESC").param("id", expectationId)
                .query((rs, n) -> new String[] {String.valueOf(rs.getObject("evaluated_on", LocalDate.class)),
                        rs.getString("verdict"), rs.getString("reason")}).list();
    }

    private static Expectation map(ResultSet rs) throws SQLException {
        return new Expectation(rs.getLong("id"), rs.getString("workflow_key"), rs.getLong("kpi_id"),
                rs.getString("kpi_name"), rs.getString("unit"), rs.getBigDecimal("expected_effect"),
                rs.getInt("horizon_months"), rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at"));
    }
}
