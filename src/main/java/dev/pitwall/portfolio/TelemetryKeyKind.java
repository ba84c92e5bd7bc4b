package dev.pitwall.portfolio;

/** The telemetry attribute a key matches. */
public enum TelemetryKeyKind {
    /** OpenTelemetry resource attribute {@code service.name}. */
    SERVICE_NAME,
    /** {@code gen_ai.agent.name}. */
    AGENT_NAME,
    /** {@code gen_ai.provider.name} (or the deprecated {@code gen_ai.system}), optionally with {@code gen_ai.request.model}. */
    PROVIDER_MODEL,
    /** An application id of a SaaS report (Microsoft 365 Copilot, GitHub Copilot...). */
    APPLICATION_ID
}
