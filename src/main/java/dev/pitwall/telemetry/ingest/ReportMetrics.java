package dev.pitwall.telemetry.ingest;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The nested figures of an organization or enterprise day of GitHub's 2026 usage metrics reports,
 * flattened into named figures so they are stored and charted like the top-level ones:
 * {@code pull_requests.total_merged} becomes {@code pull_requests_total_merged}, the CLI's totals
 * {@code cli_session_count} and {@code cli_output_tokens_sum}, and each element of
 * {@code totals_by_ai_adoption_phase} {@code ai_adoption_phase_<phase number>_<figure>}, e.g.
 * {@code ai_adoption_phase_2_total_engaged_users}. GitHub reports the phases' activity figures as
 * averages per engaged user of the phase, not sums; the names keep GitHub's {@code avg_} prefix.
 */
final class ReportMetrics {

    private ReportMetrics() {
    }

    static void addNested(JsonNode day, Map<String, BigDecimal> metrics) {
        numbers(day.path("pull_requests"), "pull_requests_", metrics);
        JsonNode cli = day.path("totals_by_cli");
        numbers(cli, "cli_", metrics);
        numbers(cli.path("token_usage"), "cli_", metrics);
        for (JsonNode phase : day.path("totals_by_ai_adoption_phase")) {
            JsonNode number = phase.get("phase_number");
            if (number != null && number.isIntegralNumber() && number.intValue() >= 0 && number.intValue() <= 9) {
                numbers(phase, "ai_adoption_phase_" + number.intValue() + "_", metrics);
                metrics.remove("ai_adoption_phase_" + number.intValue() + "_phase_number");
            }
        }
    }

    private static void numbers(JsonNode object, String prefix, Map<String, BigDecimal> metrics) {
        if (!object.isObject()) {
            return;
        }
        for (String key : object.propertyNames()) {
            JsonNode value = object.get(key);
            if (value.isNumber() && !key.endsWith("_id")) {
                metrics.put(prefix + key, value.decimalValue());
            }
        }
    }
}
