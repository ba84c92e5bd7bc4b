package dev.pitwall.insight.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.insight.Pulse;
import dev.pitwall.insight.PulsePopulation;
import dev.pitwall.insight.PulseQuestion;
import dev.pitwall.insight.PulseTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Pulses, their invitations (who may answer, by a hashed one-time token) and their anonymous answers. */
@Repository
public class Pulses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SELECT = """
            SELECT p.*,
                (SELECT COUNT(*) FROM insight_pulse_invitation i WHERE i.pulse_id = p.id) AS invited,
                (SELECT COUNT(*) FROM insight_pulse_answer a WHERE a.pulse_id = p.id) AS answered
            FROM insight_pulse p""";

    /** The columns of the answers, in the order of {@link PulseQuestion}. */
    private static final Map<PulseQuestion, String> COLUMNS = new EnumMap<>(Map.of(
            PulseQuestion.CONFIDENCE, "confidence", PulseQuestion.ROLE_CLARITY, "role_clarity",
            PulseQuestion.READINESS, "readiness", PulseQuestion.SENTIMENT_VALUE, "sentiment_value",
            PulseQuestion.SENTIMENT_TRUST, "sentiment_trust", PulseQuestion.SENTIMENT_TIME, "sentiment_time",
            PulseQuestion.SENTIMENT_SUPPORT, "sentiment_support"));

    /** One anonymous answer: who in the organization's terms (never which person) and the scores. */
    public record Answer(String level, Long teamId, String tier, Map<PulseQuestion, Integer> values) {
    }

    /** An invitation a token points to. */
    public record Invitation(long pulseId, long personId, boolean answered) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Pulses(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long create(String title, PulseTemplate pulseTemplate, PulsePopulation population, LocalDate openedOn,
            LocalDate closesOn, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO insight_pulse (title, template, population, opened_on, closes_on, created_by, created_at)
                VALUES (:title, :template, :population, :opened, :closes, :by, :at)""")
                .param("title", title).param("template", pulseTemplate.name())
                .param("population", JSON.writeValueAsString(population)).param("opened", openedOn)
                .param("closes", closesOn).param("by", by).param("at", utc(at)).update(key, "id");
        return key.getKey().longValue();
    }

    public void invite(long pulseId, Collection<Long> personIds) {
        List<Object[]> rows = new ArrayList<>(personIds.size());
        personIds.forEach(id -> rows.add(new Object[] {pulseId, id}));
        template.batchUpdate("INSERT INTO insight_pulse_invitation (pulse_id, person_id) VALUES (?, ?)", rows);
    }

    public Optional<Pulse> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public List<Pulse> all() {
        return jdbc.sql(SELECT + " ORDER BY p.opened_on DESC, p.id DESC").query((rs, n) -> map(rs)).list();
    }

    public void close(long id, LocalDate on) {
        jdbc.sql("UPDATE insight_pulse SET closed_on = :on WHERE id = :id AND closed_on IS NULL").param("on", on)
                .param("id", id).update();
    }

    /** The people of a pulse who have not answered yet. */
    public List<Long> unanswered(long pulseId) {
        return jdbc.sql("SELECT person_id FROM insight_pulse_invitation WHERE pulse_id = :id AND NOT answered "
                + "ORDER BY person_id").param("id", pulseId).query(Long.class).list();
    }

    /** Replaces the token of each unanswered invitation with a new one: earlier links stop working. */
    public void setTokens(long pulseId, Map<Long, String> tokenHashByPerson) {
        List<Object[]> rows = new ArrayList<>();
        tokenHashByPerson.forEach((person, hash) -> rows.add(new Object[] {hash, pulseId, person}));
        template.batchUpdate("UPDATE insight_pulse_invitation SET token_hash = ? WHERE pulse_id = ? AND person_id = ? "
                + "AND NOT answered", rows);
    }

    public Optional<Invitation> invitationByToken(String tokenHash) {
        return jdbc.sql("SELECT pulse_id, person_id, answered FROM insight_pulse_invitation WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new Invitation(rs.getLong("pulse_id"), rs.getLong("person_id"), rs.getBoolean("answered")))
                .optional();
    }

    public Optional<Invitation> invitation(long pulseId, long personId) {
        return jdbc.sql("SELECT pulse_id, person_id, answered FROM insight_pulse_invitation WHERE pulse_id = :pulse "
                        + "AND person_id = :person").param("pulse", pulseId).param("person", personId)
                .query((rs, n) -> new Invitation(rs.getLong("pulse_id"), rs.getLong("person_id"), rs.getBoolean("answered")))
                .optional();
    }

    /** The pulses this person is invited to and has not answered. */
    public List<Long> waitingFor(long personId) {
        return jdbc.sql("SELECT pulse_id FROM insight_pulse_invitation WHERE person_id = :person AND NOT answered "
                + "ORDER BY pulse_id").param("person", personId).query(Long.class).list();
    }

    /**
     * Marks the invitation answered (its token forgotten) and stores the answer, which keeps no
     * trace of the person. False when the invitation was answered meanwhile.
     */
    public boolean answer(long pulseId, long personId, Answer answer) {
        int marked = jdbc.sql("UPDATE insight_pulse_invitation SET answered = TRUE, token_hash = NULL WHERE pulse_id = :pulse "
                        + "AND person_id = :person AND NOT answered").param("pulse", pulseId).param("person", personId)
                .update();
        if (marked == 0) {
            return false;
        }
        insertAnswer(pulseId, answer);
        return true;
    }

    /** Stores an answer (also for imports of answers collected elsewhere). */
    public void insertAnswer(long pulseId, Answer answer) {
        StringBuilder columns = new StringBuilder("id, pulse_id, level, team_id, tier");
        StringBuilder values = new StringBuilder(":id, :pulse, :level, :team, :tier");
        COLUMNS.forEach((question, column) -> {
            columns.append(", ").append(column);
            values.append(", :").append(column);
        });
        var spec = jdbc.sql("INSERT INTO insight_pulse_answer (" + columns + ") VALUES (" + values + ")")
                .param("id", UUID.randomUUID().toString()).param("pulse", pulseId).param("level", answer.level())
                .param("team", answer.teamId()).param("tier", answer.tier());
        for (Map.Entry<PulseQuestion, String> column : COLUMNS.entrySet()) {
            spec = spec.param(column.getValue(), answer.values().get(column.getKey()));
        }
        spec.update();
    }

    public List<Answer> answers(long pulseId) {
        return jdbc.sql("SELECT * FROM insight_pulse_answer WHERE pulse_id = :id").param("id", pulseId)
                .query((rs, n) -> mapAnswer(rs)).list();
    }

    private static Answer mapAnswer(ResultSet rs) throws SQLException {
        Map<PulseQuestion, Integer> values = new EnumMap<>(PulseQuestion.class);
        for (Map.Entry<PulseQuestion, String> column : COLUMNS.entrySet()) {
            int value = rs.getInt(column.getValue());
            if (!rs.wasNull()) {
                values.put(column.getKey(), value);
            }
        }
        return new Answer(rs.getString("level"), nullableLong(rs, "team_id"), rs.getString("tier"), values);
    }

    private static Pulse map(ResultSet rs) throws SQLException {
        return new Pulse(rs.getLong("id"), rs.getString("title"), PulseTemplate.valueOf(rs.getString("template")),
                JSON.readValue(rs.getString("population"), PulsePopulation.class), date(rs, "opened_on"),
                date(rs, "closes_on"), date(rs, "closed_on"), rs.getInt("invited"), rs.getInt("answered"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }
}
