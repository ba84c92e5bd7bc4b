package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiDraft;
import dev.pitwall.measurement.KpiLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The KPIs of workflows. */
@Repository
public class Kpis {

    private static final String SELECT = """
            SELECT k.*, w.workflow_key, p.name AS owner_name FROM measurement_kpi k
            JOIN portfolio_workflow w ON w.id = k.workflow_id
            LEFT JOIN people_person p ON p.id = k.owner_id
            """;

    private final JdbcClient jdbc;

    Kpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Kpi> findByWorkflow(long workflowId) {
        return jdbc.sql(SELECT + " WHERE k.workflow_id = ? ORDER BY k.id").param(workflowId).query(Kpis::map).list();
    }

    public List<Kpi> findByWorkflows(Collection<Long> workflowIds) {
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE k.workflow_id IN (:ids) ORDER BY k.id").param("ids", workflowIds)
                .query(Kpis::map).list();
    }

    public List<Kpi> findAll() {
        return jdbc.sql(SELECT + " ORDER BY k.id").query(Kpis::map).list();
    }

    public Optional<Kpi> findById(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query(Kpis::map).optional();
    }

    public Optional<Kpi> findByName(long workflowId, String name) {
        return jdbc.sql(SELECT + " WHERE k.workflow_id = ? AND k.name_key = ?").params(workflowId, key(name))
                .query(Kpis::map).optional();
    }

    /** The ids of the workflows that have at least one business-outcome KPI. */
    public List<Long> workflowsWithOutcomeKpi() {
        return jdbc.sql("SELECT DISTINCT workflow_id FROM measurement_kpi WHERE kpi_level = 'BUSINESS_OUTCOME'")
                .query(Long.class).list();
    }

    public long insert(long workflowId, KpiDraft kpi, Long ownerId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO measurement_kpi (workflow_id, name, name_key, unit, kpi_level, direction, baseline_value,
                    baseline_from, baseline_to, target_value, value_per_unit, owner_id, data_source, cadence, parent_id,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(workflowId, kpi.name(), key(kpi.name()), kpi.unit(), kpi.level().name(), kpi.direction().name(),
                        kpi.baselineValue(), kpi.baselineFrom(), kpi.baselineTo(), kpi.target(), kpi.valuePerUnit(),
                        ownerId, kpi.dataSource(), kpi.cadence().name(), kpi.parentId(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, KpiDraft kpi, Long ownerId, Instant now) {
        jdbc.sql("""
                UPDATE measurement_kpi SET name = ?, name_key = ?, unit = ?, kpi_level = ?, direction = ?,
                    baseline_value = ?, baseline_from = ?, baseline_to = ?, target_value = ?, value_per_unit = ?,
                    owner_id = ?, data_source = ?, cadence = ?, parent_id = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(kpi.name(), key(kpi.name()), kpi.unit(), kpi.level().name(), kpi.direction().name(),
                        kpi.baselineValue(), kpi.baselineFrom(), kpi.baselineTo(), kpi.target(), kpi.valuePerUnit(),
                        ownerId, kpi.dataSource(), kpi.cadence().name(), kpi.parentId(), utc(now), id)
                .update();
    }

    public int countChildren(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM measurement_kpi WHERE parent_id = ?").param(id).query(Integer.class).single();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM measurement_kpi WHERE id = ?").param(id).update();
    }

    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Kpi map(ResultSet rs, int row) throws SQLException {
        return new Kpi(rs.getLong("id"), rs.getString("workflow_key"), rs.getString("name"), rs.getString("unit"),
                KpiLevel.valueOf(rs.getString("kpi_level")), Direction.valueOf(rs.getString("direction")),
                rs.getBigDecimal("baseline_value"), date(rs, "baseline_from"), date(rs, "baseline_to"),
                rs.getBigDecimal("target_value"), rs.getBigDecimal("value_per_unit"), nullableLong(rs, "owner_id"),
                rs.getString("owner_name"), rs.getString("data_source"), Cadence.valueOf(rs.getString("cadence")),
                nullableLong(rs, "parent_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
