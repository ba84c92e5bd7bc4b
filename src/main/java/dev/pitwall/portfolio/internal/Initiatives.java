package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.portfolio.Initiative;
import dev.pitwall.portfolio.InitiativeDraft;
import dev.pitwall.portfolio.InitiativeStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The initiatives table, with workflow counts and spend totals. */
@Repository
public class Initiatives {

    private static final String SELECT = """
            SELECT i.*, p.name AS sponsor_name,
                (SELECT COUNT(*) FROM portfolio_workflow w WHERE w.initiative_id = i.id) AS workflows,
                (SELECT COALESCE(SUM(b.amount), 0) FROM portfolio_budget_line b
                    WHERE b.initiative_id = i.id AND b.category = 'INFRASTRUCTURE') AS infrastructure_spend,
                (SELECT COALESCE(SUM(b.amount), 0) FROM portfolio_budget_line b
                    WHERE b.initiative_id = i.id AND b.category = 'WORKFORCE') AS workforce_spend
            FROM portfolio_initiative i
            LEFT JOIN people_person p ON p.id = i.sponsor_id
            """;

    private final JdbcClient jdbc;

    Initiatives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Initiative> findAll() {
        return jdbc.sql(SELECT + " ORDER BY i.name").query(Initiatives::map).list();
    }

    public Optional<Initiative> findById(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(Initiatives::map).optional();
    }

    public Optional<Initiative> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE i.name_key = ?").param(key(name)).query(Initiatives::map).optional();
    }

    public long insert(InitiativeDraft draft, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_initiative (name, name_key, objective, sponsor_id, stage, start_date, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(draft.name(), key(draft.name()), draft.objective(), draft.sponsorId(), draft.stage().name(),
                        draft.startDate(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, InitiativeDraft draft, Instant now) {
        jdbc.sql("""
                UPDATE portfolio_initiative SET name = ?, name_key = ?, objective = ?, sponsor_id = ?, stage = ?,
                    start_date = ?, updated_at = ? WHERE id = ?
                """)
                .params(draft.name(), key(draft.name()), draft.objective(), draft.sponsorId(), draft.stage().name(),
                        draft.startDate(), utc(now), id)
                .update();
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Initiative map(ResultSet rs, int row) throws SQLException {
        return new Initiative(rs.getLong("id"), rs.getString("name"), rs.getString("objective"),
                nullableLong(rs, "sponsor_id"), rs.getString("sponsor_name"),
                InitiativeStage.valueOf(rs.getString("stage")), date(rs, "start_date"), rs.getLong("workflows"),
                rs.getBigDecimal("infrastructure_spend"), rs.getBigDecimal("workforce_spend"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
