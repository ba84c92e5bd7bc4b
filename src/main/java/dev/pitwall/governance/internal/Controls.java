package dev.pitwall.governance.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.Control;
import dev.pitwall.governance.ControlDraft;
import dev.pitwall.governance.ControlReference;
import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.Framework;
import dev.pitwall.governance.RiskTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The control library, its framework references and its versions. */
@Repository
public class Controls {

    private final JdbcClient jdbc;

    Controls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Control> findAll() {
        Map<Long, List<ControlReference>> refs = new HashMap<>();
        jdbc.sql("SELECT * FROM governance_control_reference ORDER BY framework, ref").query(rs -> {
            refs.computeIfAbsent(rs.getLong("control_id"), k -> new ArrayList<>())
                    .add(new ControlReference(Framework.valueOf(rs.getString("framework")), rs.getString("ref")));
        });
        return jdbc.sql("SELECT * FROM governance_control ORDER BY name")
                .query((rs, n) -> new Control(rs.getLong("id"), rs.getString("control_key"), rs.getString("name"),
                        rs.getString("description"), rs.getString("evidence"), tiers(rs.getString("required_tiers")),
                        obligations(rs.getString("required_eu_obligations")), rs.getBoolean("built_in"), rs.getInt("version"), refs.getOrDefault(rs.getLong("id"), List.of()),
                        instant(rs, "updated_at")))
                .list();
    }

    public Optional<Control> findByKey(String key) {
        return findAll().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public long insert(ControlDraft draft, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO governance_control (control_key, name, description, evidence, required_tiers,
                    required_eu_obligations, built_in, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, 1, ?)
                """).params(draft.key(), draft.name(), draft.description(), draft.evidence(),
                tierText(draft.requiredTiers()), obligationText(draft.requiredEuObligations()), utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceReferences(id, draft.references());
        return id;
    }

    public void update(long id, ControlDraft draft, int version, Instant now) {
        jdbc.sql("""
                UPDATE governance_control SET name = ?, description = ?, evidence = ?, required_tiers = ?,
                    required_eu_obligations = ?, version = ?, updated_at = ? WHERE id = ?
                """).params(draft.name(), draft.description(), draft.evidence(), tierText(draft.requiredTiers()),
                obligationText(draft.requiredEuObligations()), version, utc(now), id).update();
        replaceReferences(id, draft.references());
    }

    public void recordVersion(long id, int version, String snapshot, String changedBy, Instant now) {
        jdbc.sql("""
                INSERT INTO governance_control_version (control_id, version, snapshot, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(id, version, snapshot, changedBy, utc(now)).update();
    }

    /** Every recorded version of a control, newest first, as JSON snapshots. */
    public List<Map<String, Object>> versions(long id) {
        return jdbc.sql("""
                SELECT version, snapshot, changed_by, changed_at FROM governance_control_version
                WHERE control_id = ? ORDER BY version DESC
                """).param(id)
                .query((rs, n) -> Map.<String, Object>of("version", rs.getInt("version"), "snapshot",
                        rs.getString("snapshot"), "changedBy", rs.getString("changed_by"), "changedAt",
                        instant(rs, "changed_at")))
                .list();
    }

    private void replaceReferences(long id, List<ControlReference> references) {
        jdbc.sql("DELETE FROM governance_control_reference WHERE control_id = ?").param(id).update();
        for (ControlReference r : references.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO governance_control_reference (control_id, framework, ref) VALUES (?, ?, ?)")
                    .params(id, r.framework().name(), r.ref()).update();
        }
    }

    static Set<RiskTier> tiers(String text) {
        Set<RiskTier> tiers = EnumSet.noneOf(RiskTier.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(RiskTier::valueOf)
                .forEach(tiers::add);
        return tiers;
    }

    static Set<EuCategory> obligations(String text) {
        Set<EuCategory> obligations = EnumSet.noneOf(EuCategory.class);
        Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(EuCategory::valueOf)
                .forEach(obligations::add);
        return obligations;
    }

    static String obligationText(List<EuCategory> obligations) {
        Set<EuCategory> ordered = EnumSet.noneOf(EuCategory.class);
        ordered.addAll(obligations);
        return ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static String tierText(List<RiskTier> tiers) {
        Set<RiskTier> ordered = EnumSet.noneOf(RiskTier.class);
        ordered.addAll(tiers);
        return ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
