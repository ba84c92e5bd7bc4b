package dev.pitwall.telemetry.github;

import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.UsageEventStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-user days of GitHub Copilot's usage report, as stored among the usage events. */
@Repository
class GitHubUserDays {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UsageEventStore events;

    GitHubUserDays(UsageEventStore events) {
        this.events = events;
    }

    /**
     * One user-day.
     *
     * @param userKey the user's GitHub id, or login where the report gave no id
     * @param login the login (the event's person reference)
     * @param phase GitHub's AI adoption phase that day, or null
     */
    record UserDay(LocalDate day, Long personId, String userKey, String login, long interactions, long generations,
            long acceptances, long locSuggestedToAdd, long locAdded, boolean agent, boolean cli, Integer phase) {
    }

    List<UserDay> between(LocalDate from, LocalDate to) {
        return events.reported(TelemetrySource.GITHUB_COPILOT, "github:", from, to).stream()
                .map(e -> day(e.day(), e.personId(), e.personRef(), e.eventId(), e.attributes())).toList();
    }

    private static UserDay day(LocalDate day, Long personId, String ref, String eventId, String attributes) {
        // github:<day>:<user id or login>
        String key = eventId.substring(eventId.indexOf(':', "github:".length()) + 1);
        JsonNode a = attributes == null ? JSON.createObjectNode() : JSON.readTree(attributes);
        boolean agent = a.path("used_agent").asBoolean(false) || a.path("used_copilot_coding_agent").asBoolean(false)
                || a.path("used_copilot_cloud_agent").asBoolean(false);
        Integer phase = a.path("ai_adoption_phase").isIntegralNumber() ? a.get("ai_adoption_phase").intValue() : null;
        return new UserDay(day, personId, key, ref, count(a, "user_initiated_interaction_count"),
                count(a, "code_generation_activity_count"), count(a, "code_acceptance_activity_count"),
                count(a, "loc_suggested_to_add_sum"), count(a, "loc_added_sum"), agent,
                a.path("used_cli").asBoolean(false), phase);
    }

    private static long count(JsonNode attributes, String name) {
        JsonNode value = attributes.get(name);
        return value != null && value.isIntegralNumber() ? value.longValue() : 0;
    }

    /** Each person's latest phase in the window, by person id. */
    static Map<Long, Integer> latestPhases(List<UserDay> days) {
        LatestPhases<Long> latest = new LatestPhases<>();
        days.stream().filter(d -> d.personId() != null).forEach(d -> latest.add(d.personId(), d));
        return latest.phases();
    }

    /** The phase of each key's latest day that reported one (a person, a GitHub user, a team member). */
    static final class LatestPhases<K> {
        private final Map<K, UserDay> latest = new java.util.HashMap<>();

        void add(K key, UserDay day) {
            if (day.phase() != null) {
                latest.merge(key, day, (a, b) -> b.day().isAfter(a.day()) ? b : a);
            }
        }

        Map<K, Integer> phases() {
            Map<K, Integer> phases = new java.util.HashMap<>();
            latest.forEach((key, day) -> phases.put(key, day.phase()));
            return phases;
        }
    }
}
