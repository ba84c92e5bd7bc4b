package dev.pitwall.board.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.board.BoardPack;
import dev.pitwall.board.BoardPackContent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored packs. There is no update: a pack is written once. */
@Repository
public class BoardPacks {

    private static final String SUMMARY = "SELECT id, period, cadence, as_of, generated_at, generated_by, content_sha256 "
            + "FROM board_pack";

    /** A stored row as it is: its content's text and the SHA-256 it was stored with. */
    public record Stored(BoardPack pack, String contentJson) {
    }

    private final JdbcClient jdbc;

    BoardPacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(BoardPack pack, String contentJson) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO board_pack (period, cadence, period_from, as_of, generated_at, generated_by, usage_version,
                    audit_sequence, audit_hash, definitions_version, previous_pack_id, content, content_sha256)
                VALUES (:period, :cadence, :from, :asOf, :at, :by, :usage, :seq, :hash, :defs, :previous, :content, :sha)""")
                .param("period", pack.period()).param("cadence", pack.cadence()).param("from", pack.from())
                .param("asOf", pack.asOf()).param("at", utc(pack.generatedAt())).param("by", pack.generatedBy())
                .param("usage", pack.usageVersion()).param("seq", pack.auditSequence()).param("hash", pack.auditHash())
                .param("defs", pack.definitionsVersion()).param("previous", pack.previousPackId())
                .param("content", contentJson).param("sha", pack.sha256())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM board_pack WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** Newest period first, then newest made. */
    public List<BoardPack.Summary> summaries() {
        return jdbc.sql(SUMMARY + " ORDER BY as_of DESC, id DESC").query((rs, n) -> summary(rs)).list();
    }

    /** The latest pack of the cadence for a period that ended before {@code asOf}: what a new pack is compared with. */
    public Optional<Long> previous(String cadence, LocalDate asOf) {
        return jdbc.sql("SELECT id FROM board_pack WHERE cadence = :cadence AND as_of < :asOf ORDER BY as_of DESC, id DESC")
                .param("cadence", cadence).param("asOf", asOf).query(Long.class).list().stream().findFirst();
    }

    /** The latest pack made for the period, if any. */
    public Optional<Long> latestFor(String period) {
        return jdbc.sql("SELECT id FROM board_pack WHERE period = :period ORDER BY id DESC").param("period", period)
                .query(Long.class).list().stream().findFirst();
    }

    private static BoardPack.Summary summary(ResultSet rs) throws SQLException {
        return new BoardPack.Summary(rs.getLong("id"), rs.getString("period"), rs.getString("cadence"),
                rs.getObject("as_of", LocalDate.class), instant(rs, "generated_at"), rs.getString("generated_by"),
                rs.getString("content_sha256"));
    }

    private static Stored map(ResultSet rs) throws SQLException {
        String json = rs.getString("content");
        long previous = rs.getLong("previous_pack_id");
        Long previousId = rs.wasNull() ? null : previous;
        BoardPackContent content = PackJson.read(json);
        Instant at = instant(rs, "generated_at");
        return new Stored(new BoardPack(rs.getLong("id"), rs.getString("period"), rs.getString("cadence"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("as_of", LocalDate.class), at,
                rs.getString("generated_by"), rs.getString("usage_version"), rs.getLong("audit_sequence"),
                rs.getString("audit_hash"), rs.getString("definitions_version"), previousId,
                rs.getString("content_sha256"), content), json);
    }
}
