package dev.pitwall.telemetry.web;

import dev.pitwall.platform.web.GettingStarted;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Getting started: the first usage events, from an AI application, OpenTelemetry or a usage report. */
@Component
class TelemetryGettingStarted implements GettingStarted {

    private final JdbcClient jdbc;

    TelemetryGettingStarted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        boolean events = GettingStarted.exists(jdbc,
                // From the batches, whichever store keeps the events (and after retention removed them).
                "SELECT 1 FROM telemetry_batch WHERE accepted > 0");
        return List.of(new Step(80, "Send the first usage events", "By API, OpenTelemetry or a Microsoft 365 or "
                + "GitHub Copilot usage report; the telemetry page shows each batch.", "/telemetry", events));
    }
}
