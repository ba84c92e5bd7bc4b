package dev.pitwall.telemetry.discovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored requests to AI services and the decisions about services (V4_12). */
@Repository
class AiRequests {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AiRequests(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Of these fingerprints, those already stored. */
    Set<String> existing(Collection<String> fingerprints) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(fingerprints);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(jdbc.sql("SELECT fingerprint FROM telemetry_ai_request WHERE fingerprint IN (:f)")
                    .param("f", all.subList(i, Math.min(all.size(), i + CHUNK))).query(String.class).list());
        }
        return found;
    }

    /** Stores new requests, with the directory id of each user where the directory knows them. */
    void insertAll(ProxyLogFormat format, List<ProxyRequest> requests, Map<String, Long> personIds, Instant now,
            String actor) {
        List<Object[]> rows = new ArrayList<>(requests.size());
        for (ProxyRequest r : requests) {
            rows.add(new Object[] {r.fingerprint(), format.name(), Timestamp.from(r.time()),
                    r.time().atZone(ZoneOffset.UTC).toLocalDate(), r.service().key(), r.host(),
                    r.user() == null ? null : personIds.get(r.user()), r.user(), r.uploadBytes(), r.downloadBytes(),
                    r.blocked(), Timestamp.from(now), actor});
        }
        template.batchUpdate("INSERT INTO telemetry_ai_request (fingerprint, log_format, requested_at, request_day, "
                + "service_key, host, person_id, person_ref, upload_bytes, download_bytes, blocked, imported_at, imported_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** One service's requests on one day by one person (or unidentified: person null and ref null). */
    record DayUse(String serviceKey, LocalDate day, Long personId, String personRef, long requests, long blocked,
            Long uploadBytes, Long downloadBytes) {
    }

    List<DayUse> use(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT service_key, request_day, person_id, person_ref, COUNT(*) AS requests,
                       SUM(CASE WHEN blocked THEN 1 ELSE 0 END) AS blocked_requests,
                       CAST(SUM(upload_bytes) AS BIGINT) AS upload_bytes, CAST(SUM(download_bytes) AS BIGINT) AS download_bytes
                FROM telemetry_ai_request WHERE request_day BETWEEN :from AND :to
                GROUP BY service_key, request_day, person_id, person_ref
                """).param("from", from).param("to", to)
                .query((rs, n) -> new DayUse(rs.getString("service_key"), rs.getObject("request_day", LocalDate.class),
                        (Long) rs.getObject("person_id", Long.class), rs.getString("person_ref"), rs.getLong("requests"),
                        rs.getLong("blocked_requests"), (Long) rs.getObject("upload_bytes", Long.class),
                        (Long) rs.getObject("download_bytes", Long.class)))
                .list();
    }

    /** A decision about a service. */
    record Decision(String serviceKey, String decision, String note, String decidedBy, Instant decidedAt) {
    }

    List<Decision> decisions() {
        return jdbc.sql("SELECT service_key, decision, note, decided_by, decided_at FROM telemetry_ai_service_decision")
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void decide(Decision decision) {
        int updated = jdbc.sql("UPDATE telemetry_ai_service_decision SET decision = :d, note = :note, decided_by = :by, "
                + "decided_at = :at WHERE service_key = :key").param("d", decision.decision())
                .param("note", decision.note()).param("by", decision.decidedBy())
                .param("at", Timestamp.from(decision.decidedAt())).param("key", decision.serviceKey()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO telemetry_ai_service_decision (service_key, decision, note, decided_by, decided_at) "
                    + "VALUES (:key, :d, :note, :by, :at)").param("key", decision.serviceKey())
                    .param("d", decision.decision()).param("note", decision.note()).param("by", decision.decidedBy())
                    .param("at", Timestamp.from(decision.decidedAt())).update();
        }
    }

    /** Deletes up to {@code limit} requests of days before {@code day}; how many it deleted. */
    int deleteBefore(LocalDate day, int limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM telemetry_ai_request WHERE request_day < :day ORDER BY id")
                .param("day", day).query(Long.class).stream().limit(limit).toList();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM telemetry_ai_request WHERE id IN (:ids)").param("ids", ids).update();
    }

    int undecide(String serviceKey) {
        return jdbc.sql("DELETE FROM telemetry_ai_service_decision WHERE service_key = :key").param("key", serviceKey)
                .update();
    }
}
