package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;

import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.PipelineStageState;
import dev.pitwall.portfolio.PipelineStatus;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stages of each initiative's pipelines; a stage without a row has not started. */
@Repository
public class PipelineStages {

    private final JdbcClient jdbc;

    PipelineStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<PipelineStage, PipelineStageState> find(long initiativeId, Map<PipelineStage, BigDecimal> spend) {
        Map<PipelineStage, PipelineStageState> states = new EnumMap<>(PipelineStage.class);
        for (PipelineStage stage : PipelineStage.values()) {
            states.put(stage, new PipelineStageState(stage, PipelineStatus.NOT_STARTED, null, null, null, null, null,
                    spend.getOrDefault(stage, BigDecimal.ZERO)));
        }
        jdbc.sql("""
                SELECT s.*, p.name AS assignee_name, p.tier AS assignee_tier FROM portfolio_pipeline_stage s
                LEFT JOIN people_person p ON p.id = s.assignee_id WHERE s.initiative_id = ?
                """).param(initiativeId)
                .query(rs -> {
                    PipelineStage stage = PipelineStage.valueOf(rs.getString("stage"));
                    String tier = rs.getString("assignee_tier");
                    states.put(stage, new PipelineStageState(stage, PipelineStatus.valueOf(rs.getString("status")),
                            date(rs, "started_on"), date(rs, "completed_on"), nullableLong(rs, "assignee_id"),
                            rs.getString("assignee_name"), tier == null ? null : Tier.valueOf(tier),
                            spend.getOrDefault(stage, BigDecimal.ZERO)));
                });
        return states;
    }

    public void save(long initiativeId, PipelineStageState state) {
        jdbc.sql("DELETE FROM portfolio_pipeline_stage WHERE initiative_id = ? AND stage = ?")
                .params(initiativeId, state.stage().name()).update();
        jdbc.sql("""
                INSERT INTO portfolio_pipeline_stage (initiative_id, stage, status, started_on, completed_on, assignee_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(initiativeId, state.stage().name(), state.status().name(), state.startedOn(),
                state.completedOn(), state.assigneeId()).update();
    }
}
