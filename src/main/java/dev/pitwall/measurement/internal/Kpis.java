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

    /** KPIs in force: a deleted KPI is kept (for the scorecards of earlier dates) but not found. */
    private static final String SELECT = """
            SELECT k.*, w.workflow_key, p.name AS owner_name FROM measurement_kpi k
            JOIN portfolio_workflow w ON w.id = k.workflow_id
            LEFT JOIN people_person p ON p.id = k.owner_id
            WHERE k.deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    Kpis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Kpi> findByWorkflow(long workflowId) {
        return jdbc.sql(SELECT + " AND k.workflow_id = ? ORDER BY k.id").param(workflowId).query((rs, n) -> map(rs, rs.getLong("id"))).list();
    }

    public List<Kpi> findByWorkflows(Collection<Long> workflowIds) {
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " AND k.workflow_id IN (:ids) ORDER BY k.id").param("ids", workflowIds)
                .query((rs, n) -> map(rs, rs.getLong("id"))).list();
    }

    public List<Kpi> findAll() {
        return jdbc.sql(SELECT + " ORDER BY k.id").query((rs, n) -> map(rs, rs.getLong("id"))).list();
    }

    public Optional<Kpi> findById(long id) {
        return jdbc.sql(SELECT + " AND k.id = ?").param(id).query((rs, n) -> map(rs, rs.getLong("id"))).optional();
    }

    public Optional<Kpi> findByName(long workflowId, String name) {
        return jdbc.sql(SELECT + " AND k.workflow_id = ? AND k.name_key = ?").params(workflowId, key(name))
                .query((rs, n) -> map(rs, rs.getLong("id"))).optional();
    }

    /** The ids of the workflows that have at least one business-outcome KPI. */
    public List<Long> workflowsWithOutcomeKpi() {
        return jdbc.sql("""
                SELECT DISTINCT workflow_id FROM measurement_kpi WHERE kpi_level = 'BUSINESS_OUTCOME' AND deleted_at IS NULL""")
                .query(Long.class).list();
    }

    /**
     * The KPIs of these workflows as of {@code day}, by the rule of {@link dev.pitwall.platform.jdbc.AsOf}:
     * each KPI's definition in force then (baseline, target, value per unit...), without those
     * deleted by then.
     */
    public List<Kpi> findByWorkflowsOn(Collection<Long> workflowIds, java.time.LocalDate day) {
        return List.copyOf(versionsOn(workflowIds, day).values().stream().map(InForce::kpi).toList());
    }

    /** A KPI in force at a date, with the workflow it belonged to. */
    private record InForce(long workflowId, Kpi kpi) {
    }

    private java.util.Map<Long, InForce> versionsOn(Collection<Long> workflowIds, java.time.LocalDate day) {
        java.util.Map<Long, InForce> kpis = new java.util.TreeMap<>();
        if (workflowIds.isEmpty()) {
            return kpis;
        }
        java.util.Map<Long, Instant> cutoffs = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT v.*, w.workflow_key, k.owner_id, p.name AS owner_name, k.data_source, k.created_at, k.updated_at
                FROM measurement_kpi_version v
                JOIN measurement_kpi k ON k.id = v.kpi_id
                JOIN portfolio_workflow w ON w.id = v.workflow_id
                LEFT JOIN people_person p ON p.id = k.owner_id
                WHERE v.workflow_id IN (:ids) ORDER BY v.kpi_id, v.id
                """).param("ids", workflowIds).query(rs -> {
                    long kpi = rs.getLong("kpi_id");
                    Instant recorded = instant(rs, "valid_from");
                    Instant cutoff = cutoffs.computeIfAbsent(kpi, k -> dev.pitwall.platform.jdbc.AsOf.cutoff(day, recorded));
                    if (!recorded.isBefore(cutoff)) {
                        return;
                    }
                    if (rs.getBoolean("deleted")) {
                        kpis.remove(kpi);
                    } else {
                        kpis.put(kpi, new InForce(rs.getLong("workflow_id"), map(rs, kpi)));
                    }
                });
        return kpis;
    }

    /** The ids of those of these workflows that had a business-outcome KPI as of {@code day}. */
    public List<Long> workflowsWithOutcomeKpiOn(Collection<Long> workflowIds, java.time.LocalDate day) {
        return versionsOn(workflowIds, day).values().stream().filter(k -> k.kpi().isBusinessOutcome())
                .map(InForce::workflowId).distinct().toList();
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
        long id = keys.getKeyAs(Number.class).longValue();
        version(id, now, false);
        return id;
    }

    /** Records the KPI's definition as it is now, with every change (see {@link #findByWorkflowsOn}). */
    private void version(long id, Instant now, boolean deleted) {
        jdbc.sql("""
                INSERT INTO measurement_kpi_version (kpi_id, workflow_id, valid_from, deleted, name, unit, kpi_level,
                    direction, baseline_value, baseline_from, baseline_to, target_value, value_per_unit, cadence, parent_id)
                SELECT id, workflow_id, ?, ?, name, unit, kpi_level, direction, baseline_value, baseline_from,
                    baseline_to, target_value, value_per_unit, cadence, parent_id
                FROM measurement_kpi WHERE id = ?""").params(utc(now), deleted, id).update();
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
        version(id, now, false);
    }

    public int countChildren(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM measurement_kpi WHERE parent_id = ? AND deleted_at IS NULL").param(id)
                .query(Integer.class).single();
    }

    /**
     * Deletes a KPI from the contract: it is no longer found, its name is free again, and its
     * measurements are kept for the scorecards of dates before the deletion.
     */
    public void delete(long id, Instant now) {
        jdbc.sql("UPDATE measurement_kpi SET deleted_at = ?, name_key = CONCAT(name_key, ' #deleted ', CAST(id AS VARCHAR(20))) WHERE id = ?")
                .params(utc(now), id).update();
        version(id, now, true);
    }

    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static Kpi map(ResultSet rs, long id) throws SQLException {
        return new Kpi(id, rs.getString("workflow_key"), rs.getString("name"), rs.getString("unit"),
                KpiLevel.valueOf(rs.getString("kpi_level")), Direction.valueOf(rs.getString("direction")),
                rs.getBigDecimal("baseline_value"), date(rs, "baseline_from"), date(rs, "baseline_to"),
                rs.getBigDecimal("target_value"), rs.getBigDecimal("value_per_unit"), nullableLong(rs, "owner_id"),
                rs.getString("owner_name"), rs.getString("data_source"), Cadence.valueOf(rs.getString("cadence")),
                nullableLong(rs, "parent_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
