package dev.pitwall.telemetry.discovery;

import java.util.List;

/**
 * An AI service of the catalog (src/main/resources/telemetry/ai-services.json).
 *
 * @param key its stable key, also the application id an AI system registered for it carries
 * @param category what kind of service: chat-assistant, coding-assistant, ai-api, search, …
 * @param domains the domains its web application and API answer on
 * @param sources where the domains come from
 */
public record AiService(String key, String name, String vendor, String category, List<String> domains,
        List<String> sources) {
}
