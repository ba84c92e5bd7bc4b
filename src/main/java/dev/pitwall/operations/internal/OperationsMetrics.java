package dev.pitwall.operations.internal;

import dev.pitwall.operations.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of continuous management, read from the database at each scrape so every node
 * reports the cluster's figures: {@code pitwall_monitors_firing},
 * {@code pitwall_incidents_open{severity="SEV1"}}, {@code pitwall_notification_deliveries_failed} (the
 * dead letters) and {@code pitwall_notification_deliveries_pending}.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    OperationsMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pitwall.monitors.firing", this,
                m -> m.count("SELECT COUNT(*) FROM operations_monitor WHERE enabled AND state = 'FIRING'", null))
                .description("Enabled monitors whose last evaluation fired").register(registry);
        Gauge.builder("pitwall.notification.deliveries.failed", this,
                m -> m.count("SELECT COUNT(*) FROM operations_delivery WHERE status = 'DEAD'", null))
                .description("Notification deliveries dead-lettered after their last attempt, until replayed")
                .register(registry);
        Gauge.builder("pitwall.notification.deliveries.pending", this,
                m -> m.count("SELECT COUNT(*) FROM operations_delivery WHERE status = 'PENDING'", null))
                .description("Notification deliveries waiting for their next attempt").register(registry);
        for (Severity severity : Severity.values()) {
            Gauge.builder("pitwall.incidents.open", this, m -> m.count(
                    "SELECT COUNT(*) FROM operations_incident WHERE status <> 'RESOLVED' AND severity = :severity",
                    severity.name())).tag("severity", severity.name())
                    .description("Incidents not resolved, by severity").register(registry);
        }
    }

    private double count(String sql, String severity) {
        var spec = jdbc.sql(sql);
        if (severity != null) {
            spec = spec.param("severity", severity);
        }
        return spec.query(Long.class).single();
    }
}
