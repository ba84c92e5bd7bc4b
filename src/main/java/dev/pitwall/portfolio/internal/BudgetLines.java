package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.BudgetLine;
import dev.pitwall.portfolio.NewBudgetLine;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.SpendCategory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The budget lines of initiatives. */
@Repository
public class BudgetLines {

    private static final String SELECT = """
            SELECT b.*, w.workflow_key FROM portfolio_budget_line b
            LEFT JOIN portfolio_workflow w ON w.id = b.workflow_id
            """;

    private final JdbcClient jdbc;

    BudgetLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<BudgetLine> findByInitiative(long initiativeId) {
        return jdbc.sql(SELECT + " WHERE b.initiative_id = ? ORDER BY b.spent_on, b.id").param(initiativeId)
                .query(BudgetLines::map).list();
    }

    public Optional<BudgetLine> findById(long id) {
        return jdbc.sql(SELECT + " WHERE b.id = ?").param(id).query(BudgetLines::map).optional();
    }

    public long insert(long initiativeId, Long workflowId, NewBudgetLine line, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_budget_line (initiative_id, workflow_id, category, pipeline_stage, tier, description,
                    amount, spent_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(initiativeId, workflowId, line.category().name(),
                        line.pipelineStage() == null ? null : line.pipelineStage().name(),
                        line.tier() == null ? null : line.tier().name(), line.description(), line.amount(),
                        line.spentOn(), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM portfolio_budget_line WHERE id = ?").param(id).update();
    }

    /** Spend of an initiative per pipeline stage. */
    public Map<PipelineStage, BigDecimal> spendByStage(long initiativeId) {
        Map<PipelineStage, BigDecimal> spend = new EnumMap<>(PipelineStage.class);
        jdbc.sql("""
                SELECT pipeline_stage, SUM(amount) FROM portfolio_budget_line
                WHERE initiative_id = ? AND pipeline_stage IS NOT NULL GROUP BY pipeline_stage
                """).param(initiativeId)
                .query(rs -> {
                    spend.put(PipelineStage.valueOf(rs.getString(1)), rs.getBigDecimal(2));
                });
        return spend;
    }

    private static BudgetLine map(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("pipeline_stage");
        String tier = rs.getString("tier");
        return new BudgetLine(rs.getLong("id"), rs.getLong("initiative_id"), rs.getString("workflow_key"),
                SpendCategory.valueOf(rs.getString("category")), stage == null ? null : PipelineStage.valueOf(stage),
                tier == null ? null : Tier.valueOf(tier), rs.getString("description"), rs.getBigDecimal("amount"),
                date(rs, "spent_on"));
    }
}
