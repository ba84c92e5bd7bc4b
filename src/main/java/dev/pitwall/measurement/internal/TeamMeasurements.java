package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.measurement.TeamMeasurement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** KPIs measured per team, and the day AI went live for each team of a workflow. */
@Repository
public class TeamMeasurements {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TeamMeasurements(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A KPI's team values with periods ending by {@code to} (every one when null), by team then period. */
    public List<TeamMeasurement> find(long kpiId, LocalDate to) {
        return jdbc.sql("""
                SELECT m.*, t.name AS team_name FROM measurement_team_measurement m
                LEFT JOIN people_team t ON t.id = m.team_id
                WHERE m.kpi_id = :kpi AND (CAST(:to AS DATE) IS NULL OR m.period_end <= :to)
                ORDER BY m.team_id, m.period_end""").param("kpi", kpiId).param("to", to)
                .query((rs, n) -> new TeamMeasurement(rs.getLong("id"), rs.getLong("kpi_id"), rs.getLong("team_id"),
                        rs.getString("team_name"), date(rs, "period_end"), rs.getBigDecimal("measured_value"),
                        rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    /** The KPIs that have values per team. */
    public List<Long> kpiIds() {
        return jdbc.sql("SELECT DISTINCT kpi_id FROM measurement_team_measurement ORDER BY kpi_id").query(Long.class).list();
    }

    /** One row to store: replaces the value of the same team and period. */
    public record Row(long teamId, LocalDate periodEnd, BigDecimal value, String note) {
    }

    /** Stores the rows; returns how many replaced an earlier value. */
    public int upsert(long kpiId, List<Row> rows, String actor, Instant now) {
        int replaced = 0;
        List<Object[]> inserts = new ArrayList<>();
        for (Row row : rows) {
            int updated = jdbc.sql("""
                    UPDATE measurement_team_measurement SET measured_value = ?, note = ?, recorded_by = ?, recorded_at = ?
                    WHERE kpi_id = ? AND team_id = ? AND period_end = ?""")
                    .params(row.value(), row.note(), actor, utc(now), kpiId, row.teamId(), row.periodEnd()).update();
            if (updated == 0) {
                inserts.add(new Object[] {kpiId, row.teamId(), row.periodEnd(), row.value(), row.note(), actor, utc(now)});
            } else {
                replaced++;
            }
        }
        template.batchUpdate("INSERT INTO measurement_team_measurement (kpi_id, team_id, period_end, measured_value, note, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts);
        return replaced;
    }

    public int delete(long kpiId, long teamId, LocalDate periodEnd) {
        return jdbc.sql("DELETE FROM measurement_team_measurement WHERE kpi_id = ? AND team_id = ? AND period_end = ?")
                .params(kpiId, teamId, periodEnd).update();
    }

    /** team id → the day AI went live for it, for a workflow. */
    public Map<Long, LocalDate> goLives(long workflowId) {
        Map<Long, LocalDate> goLives = new LinkedHashMap<>();
        jdbc.sql("SELECT team_id, live_on FROM measurement_team_go_live WHERE workflow_id = :w ORDER BY live_on, team_id")
                .param("w", workflowId).query(rs -> {
                    goLives.put(rs.getLong("team_id"), date(rs, "live_on"));
                });
        return goLives;
    }

    public void replaceGoLives(long workflowId, Map<Long, LocalDate> goLives) {
        jdbc.sql("DELETE FROM measurement_team_go_live WHERE workflow_id = :w").param("w", workflowId).update();
        List<Object[]> rows = new ArrayList<>();
        goLives.forEach((team, day) -> rows.add(new Object[] {workflowId, team, day}));
        template.batchUpdate("INSERT INTO measurement_team_go_live (workflow_id, team_id, live_on) VALUES (?, ?, ?)", rows);
    }
}
