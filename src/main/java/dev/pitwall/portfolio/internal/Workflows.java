package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The workflows table (the header of each workflow). */
@Repository
public class Workflows {

    private static final String SELECT = """
            SELECT w.*, i.name AS initiative_name FROM portfolio_workflow w
            LEFT JOIN portfolio_initiative i ON i.id = w.initiative_id
            """;

    /** The values of a workflow's header. */
    public record Header(String key, String name, String description, Long initiativeId, WorkflowStage stage,
            LocalDate aiGoLive) {
    }

    private final JdbcClient jdbc;

    Workflows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Workflow> find(WorkflowStage stage, Long initiativeId) {
        SqlWhere where = new SqlWhere().and("w.stage = :stage", "stage", stage)
                .and("w.initiative_id = :initiative", "initiative", initiativeId);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY w.name").params(where.params()).query(Workflows::map).list();
    }

    public Optional<Workflow> findByKey(String key) {
        return jdbc.sql(SELECT + " WHERE w.workflow_key = ?").param(key).query(Workflows::map).optional();
    }

    public Optional<Workflow> findById(long id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(Workflows::map).optional();
    }

    public long insert(Header header, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_workflow (workflow_key, name, description, initiative_id, stage, ai_go_live,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(header.key(), header.name(), header.description(), header.initiativeId(),
                        header.stage().name(), header.aiGoLive(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Updates everything but the stage, which only changes through the stage service. */
    public void update(long id, Header header, Instant now) {
        jdbc.sql("""
                UPDATE portfolio_workflow SET name = ?, description = ?, initiative_id = ?, ai_go_live = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(header.name(), header.description(), header.initiativeId(), header.aiGoLive(), utc(now), id)
                .update();
    }

    public void updateStage(long id, WorkflowStage stage, LocalDate aiGoLive, Instant now) {
        jdbc.sql("UPDATE portfolio_workflow SET stage = ?, ai_go_live = ?, updated_at = ? WHERE id = ?")
                .params(stage.name(), aiGoLive, utc(now), id).update();
    }

    private static Workflow map(ResultSet rs, int row) throws SQLException {
        return new Workflow(rs.getLong("id"), rs.getString("workflow_key"), rs.getString("name"),
                rs.getString("description"), nullableLong(rs, "initiative_id"), rs.getString("initiative_name"),
                WorkflowStage.valueOf(rs.getString("stage")), date(rs, "ai_go_live"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
