package dev.pitwall.platform.web;

import java.util.List;

/**
 * Request paths whose bodies a module reads and limits itself, with a limit of its own (telemetry
 * ingestion takes tens of megabytes). Every other request body under {@code /api} and
 * {@code /otlp} is limited to {@code pitwall.max-request-size}.
 */
public interface LargeBodyPaths {

    /** Ant-style path patterns, e.g. {@code /api/v1/usage-events}. */
    List<String> patterns();
}
