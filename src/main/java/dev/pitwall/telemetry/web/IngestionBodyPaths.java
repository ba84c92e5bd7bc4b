package dev.pitwall.telemetry.web;

import dev.pitwall.platform.web.LargeBodyPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ingestion endpoints read their bodies themselves, up to {@code pitwall.telemetry.max-request-size}
 * after gunzip (see {@code RequestBodies}), so the API's general body limit leaves them alone.
 */
@Component
class IngestionBodyPaths implements LargeBodyPaths {

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/usage-events", "/api/v1/evaluations", "/api/v1/imports/**", "/api/v1/xapi/statements",
                "/otlp/v1/**");
    }
}
