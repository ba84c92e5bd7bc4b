package dev.pitwall.portfolio;

/**
 * What a piece of telemetry says about the AI system that produced it; any field may be absent.
 *
 * @param serviceName {@code service.name}
 * @param agentName {@code gen_ai.agent.name}
 * @param providerName {@code gen_ai.provider.name} or {@code gen_ai.system}
 * @param model {@code gen_ai.request.model}
 * @param applicationId an application id of a SaaS report
 */
public record TelemetryIdentity(String serviceName, String agentName, String providerName, String model,
        String applicationId) {
}
