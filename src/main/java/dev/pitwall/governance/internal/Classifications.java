package dev.pitwall.governance.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.RiskClassification;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.governance.WorkflowClassification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Risk classifications, every version kept; the highest version of a workflow is current. */
@Repository
public class Classifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            SELECT c.*, w.workflow_key FROM governance_classification c
            JOIN portfolio_workflow w ON w.id = c.workflow_id
            """;

    private final JdbcClient jdbc;

    Classifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int insert(long workflowId, RiskQuestionnaire answers, RiskClassification result, String by, Instant now) {
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM governance_classification WHERE workflow_id = ?")
                .param(workflowId).query(Integer.class).single() + 1;
        jdbc.sql("""
                INSERT INTO governance_classification (workflow_id, version, answers, tier, eu_category, annex_points,
                    reasons, classified_by, classified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(workflowId, version, JSON.writeValueAsString(answers), result.tier().name(),
                result.euCategory().name(), String.join(",", result.annexIiiPoints()),
                JSON.writeValueAsString(result.reasons()), by, utc(now)).update();
        return version;
    }

    public Optional<WorkflowClassification> current(long workflowId) {
        return jdbc.sql(SELECT + " WHERE c.workflow_id = ? ORDER BY c.version DESC LIMIT 1").param(workflowId)
                .query(Classifications::map).optional();
    }

    public List<WorkflowClassification> history(long workflowId) {
        return jdbc.sql(SELECT + " WHERE c.workflow_id = ? ORDER BY c.version DESC").param(workflowId)
                .query(Classifications::map).list();
    }

    /** The current classification of those of these workflows that are classified, by workflow id. */
    public Map<Long, WorkflowClassification> currentOf(java.util.Collection<Long> workflowIds) {
        Map<Long, WorkflowClassification> current = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return current;
        }
        jdbc.sql(SELECT + """
                 WHERE c.workflow_id IN (:ids) AND c.version =
                   (SELECT MAX(x.version) FROM governance_classification x WHERE x.workflow_id = c.workflow_id)
                """).param("ids", workflowIds).query(rs -> {
                    current.put(rs.getLong("workflow_id"), map(rs, 0));
                });
        return current;
    }

    private static WorkflowClassification map(ResultSet rs, int row) throws SQLException {
        String points = rs.getString("annex_points");
        return new WorkflowClassification(rs.getString("workflow_key"), rs.getInt("version"),
                JSON.readValue(rs.getString("answers"), RiskQuestionnaire.class), RiskTier.valueOf(rs.getString("tier")),
                EuCategory.valueOf(rs.getString("eu_category")),
                points.isEmpty() ? List.of() : Arrays.asList(points.split(",")),
                JSON.readValue(rs.getString("reasons"), new TypeReference<List<RiskClassification.Reason>>() { }),
                rs.getString("classified_by"), instant(rs, "classified_at"));
    }
}
