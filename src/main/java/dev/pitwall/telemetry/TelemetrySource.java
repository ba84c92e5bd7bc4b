package dev.pitwall.telemetry;

/** Where usage events came from; event ids are unique within a source. */
public enum TelemetrySource {
    NATIVE("Native usage events", "POST /api/v1/usage-events (NDJSON or JSON array)"),
    OTLP("OpenTelemetry GenAI spans", "POST /otlp/v1/traces (protobuf or JSON, gzip)"),
    OTLP_EVALUATION("OpenTelemetry evaluation events", "POST /otlp/v1/logs (gen_ai.evaluation.result)"),
    EVALUATION_API("Evaluation scores", "POST /api/v1/evaluations (JSON array)"),
    M365_COPILOT("Microsoft 365 Copilot usage report", "POST /api/v1/imports/m365-copilot (CSV or JSON)"),
    GITHUB_COPILOT("GitHub Copilot usage metrics", "POST /api/v1/imports/github-copilot (NDJSON or JSON)"),
    CURSOR("Cursor team usage", "POST /api/v1/imports/cursor (Admin API daily usage data, JSON)"),
    PROXY_LOG("Web-proxy logs (registered AI services)", "POST /api/v1/imports/proxy-logs (Squid, Zscaler, Netskope)"),
    KAFKA("Kafka topic", "consumer group on pitwall.telemetry.kafka.topic"),
    XAPI("xAPI learning statements", "POST /api/v1/xapi/statements"),
    REVIEW("Human review decisions", "decisions on review items (docs/review.md)");

    private final String label;
    private final String endpoint;

    TelemetrySource(String label, String endpoint) {
        this.label = label;
        this.endpoint = endpoint;
    }

    /** What the source is, for people. */
    public String label() {
        return label;
    }

    /** Whether it stores usage events (evaluations and learning statements are other facts). */
    public boolean carriesUsageEvents() {
        return this != OTLP_EVALUATION && this != EVALUATION_API && this != XAPI;
    }

    /**
     * Whether raw usage events are stored under this source, and so have a retention of their own:
     * Kafka records are stored as {@link #NATIVE} events (one id space).
     */
    public boolean keepsOwnRawEvents() {
        return carriesUsageEvents() && this != KAFKA;
    }

    /** Where it arrives. */
    public String endpoint() {
        return endpoint;
    }
}
