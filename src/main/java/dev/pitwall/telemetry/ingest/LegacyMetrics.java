package dev.pitwall.telemetry.ingest;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Totals of one day of the legacy GitHub Copilot metrics API, whose figures are nested by feature,
 * editor, model and language: the sums an organization-level view needs.
 */
final class LegacyMetrics {

    private LegacyMetrics() {
    }

    static void addTotals(JsonNode day, Map<String, BigDecimal> metrics) {
        JsonNode completions = day.path("copilot_ide_code_completions");
        if (!completions.isMissingNode()) {
            engaged(completions, "ide_code_completions_engaged_users", metrics);
            for (JsonNode editor : completions.path("editors")) {
                for (JsonNode model : editor.path("models")) {
                    for (JsonNode language : model.path("languages")) {
                        add(metrics, "code_suggestions", language.path("total_code_suggestions"));
                        add(metrics, "code_acceptances", language.path("total_code_acceptances"));
                        add(metrics, "code_lines_suggested", language.path("total_code_lines_suggested"));
                        add(metrics, "code_lines_accepted", language.path("total_code_lines_accepted"));
                    }
                }
            }
        }
        JsonNode ideChat = day.path("copilot_ide_chat");
        if (!ideChat.isMissingNode()) {
            engaged(ideChat, "ide_chat_engaged_users", metrics);
            for (JsonNode editor : ideChat.path("editors")) {
                for (JsonNode model : editor.path("models")) {
                    add(metrics, "ide_chats", model.path("total_chats"));
                    add(metrics, "ide_chat_insertion_events", model.path("total_chat_insertion_events"));
                    add(metrics, "ide_chat_copy_events", model.path("total_chat_copy_events"));
                }
            }
        }
        JsonNode dotcomChat = day.path("copilot_dotcom_chat");
        if (!dotcomChat.isMissingNode()) {
            engaged(dotcomChat, "dotcom_chat_engaged_users", metrics);
            for (JsonNode model : dotcomChat.path("models")) {
                add(metrics, "dotcom_chats", model.path("total_chats"));
            }
        }
        JsonNode pullRequests = day.path("copilot_dotcom_pull_requests");
        if (!pullRequests.isMissingNode()) {
            engaged(pullRequests, "dotcom_pull_requests_engaged_users", metrics);
            for (JsonNode repository : pullRequests.path("repositories")) {
                for (JsonNode model : repository.path("models")) {
                    add(metrics, "pr_summaries_created", model.path("total_pr_summaries_created"));
                }
            }
        }
    }

    private static void engaged(JsonNode feature, String name, Map<String, BigDecimal> metrics) {
        if (feature.path("total_engaged_users").isNumber()) {
            metrics.put(name, feature.get("total_engaged_users").decimalValue());
        }
    }

    private static void add(Map<String, BigDecimal> metrics, String name, JsonNode value) {
        if (value.isNumber()) {
            metrics.merge(name, value.decimalValue(), BigDecimal::add);
        }
    }
}
