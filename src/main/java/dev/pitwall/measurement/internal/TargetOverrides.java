package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.nullableDouble;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Targets that override the organization's defaults for one AI system or workflow. */
@Repository
public class TargetOverrides {

    /** The overrides of one scope; {@code null} fields inherit. */
    public record Override(Double quality, Double availability, Double deploymentsPerMonth, Double roi) {
    }

    private final JdbcClient jdbc;

    TargetOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every override of a scope kind ({@code SYSTEM} or {@code WORKFLOW}) by scope id. */
    public Map<Long, Override> all(String scopeKind) {
        Map<Long, Override> overrides = new HashMap<>();
        jdbc.sql("SELECT * FROM measurement_target WHERE scope_kind = ?").param(scopeKind).query(rs -> {
            overrides.put(rs.getLong("scope_id"), new Override(nullableDouble(rs, "quality_target"),
                    nullableDouble(rs, "availability_target"), nullableDouble(rs, "deployment_target"),
                    nullableDouble(rs, "roi_target")));
        });
        return overrides;
    }

    /**
     * Every override of a scope kind as of {@code day}, by the rule of
     * {@link dev.pitwall.platform.jdbc.AsOf}; a version with no target at all is no override.
     */
    public Map<Long, Override> allOn(String scopeKind, java.time.LocalDate day) {
        Map<Long, Override> overrides = new HashMap<>();
        Map<Long, Instant> cutoffs = new HashMap<>();
        jdbc.sql("SELECT * FROM measurement_target_version WHERE scope_kind = ? ORDER BY scope_id, id").param(scopeKind)
                .query(rs -> {
                    long scope = rs.getLong("scope_id");
                    Instant recorded = dev.pitwall.platform.jdbc.SqlValues.instant(rs, "valid_from");
                    if (recorded.isBefore(cutoffs.computeIfAbsent(scope,
                            s -> dev.pitwall.platform.jdbc.AsOf.cutoff(day, recorded)))) {
                        overrides.put(scope, new Override(nullableDouble(rs, "quality_target"),
                                nullableDouble(rs, "availability_target"), nullableDouble(rs, "deployment_target"),
                                nullableDouble(rs, "roi_target")));
                    }
                });
        overrides.values().removeIf(o -> o.quality() == null && o.availability() == null
                && o.deploymentsPerMonth() == null && o.roi() == null);
        return overrides;
    }

    public Optional<Override> find(String scopeKind, long scopeId) {
        return Optional.ofNullable(all(scopeKind).get(scopeId));
    }

    public void put(String scopeKind, long scopeId, Override o, Instant now) {
        jdbc.sql("DELETE FROM measurement_target WHERE scope_kind = ? AND scope_id = ?").params(scopeKind, scopeId).update();
        jdbc.sql("""
                INSERT INTO measurement_target (scope_kind, scope_id, quality_target, availability_target,
                    deployment_target, roi_target, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(scopeKind, scopeId, o.quality(), o.availability(), o.deploymentsPerMonth(), o.roi(), utc(now))
                .update();
        // The history scorecards of past dates read (see allOn).
        jdbc.sql("""
                INSERT INTO measurement_target_version (scope_kind, scope_id, valid_from, quality_target,
                    availability_target, deployment_target, roi_target) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(scopeKind, scopeId, utc(now), o.quality(), o.availability(), o.deploymentsPerMonth(), o.roi())
                .update();
    }
}
