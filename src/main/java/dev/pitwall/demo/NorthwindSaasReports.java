package dev.pitwall.demo;

import dev.pitwall.people.Tier;
import dev.pitwall.telemetry.TelemetryImports;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The SaaS copilots' reports as Northwind's admins would import them: a Microsoft 365 Copilot usage
 * user detail (Graph beta JSON) each day, whose per-app last-activity dates become the day's
 * facts, and the GitHub Copilot user-level report (NDJSON) of the builders, whose GitHub logins
 * are their external ids.
 */
final class NorthwindSaasReports {

    /** Apps and how often an active user uses each on an active day (Copilot Chat always). */
    private static final Map<String, Double> APPS = new LinkedHashMap<>();

    static {
        APPS.put("copilotChat", 1.0);
        APPS.put("microsoftTeamsCopilot", 0.5);
        APPS.put("outlookCopilot", 0.4);
        APPS.put("wordCopilot", 0.3);
        APPS.put("excelCopilot", 0.2);
        APPS.put("powerPointCopilot", 0.1);
    }

    private final TelemetryImports imports;
    private final NorthwindExporter exporter;
    private final Random random;

    NorthwindSaasReports(TelemetryImports imports, NorthwindExporter exporter, Random random) {
        this.imports = imports;
        this.exporter = exporter;
        this.random = random;
    }

    /** Imports one report per day (several at once); returns the app-days stored. */
    int m365(List<DemoPerson> people, NorthwindActivity activity) {
        Map<LocalDate, List<String>> byDay = new TreeMap<>();
        for (DemoPerson person : people) {
            if (!NorthwindTelemetry.LICENSED_TEAMS.contains(person.team())) {
                continue;
            }
            double habit = random.nextDouble();
            // A fifth never use their licence; the others from now and then to nearly daily.
            double rate = habit < 0.2 ? 0 : habit < 0.55 ? 0.12 : habit < 0.85 ? 0.3 : 0.65;
            for (LocalDate day : activity.daysWithRate(rate)) {
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(record(person.email(), day));
            }
        }
        for (Map.Entry<LocalDate, List<String>> day : byDay.entrySet()) {
            byte[] report = ("{\"value\":[" + String.join(",", day.getValue()) + "]}").getBytes(StandardCharsets.UTF_8);
            exporter.send(() -> imports.m365Json(report, null, NorthwindTelemetry.ACTOR).usage().accepted());
        }
        return exporter.await();
    }

    private String record(String email, LocalDate day) {
        StringBuilder record = new StringBuilder("{\"reportRefreshDate\":\"").append(day)
                .append("\",\"userPrincipalName\":\"").append(email).append("\",\"lastActivityDate\":\"").append(day)
                .append('"');
        APPS.forEach((app, share) -> record.append(",\"").append(app).append("LastActivityDate\":\"")
                .append(random.nextDouble() < share ? day.toString() : "").append('"'));
        return record.append(",\"copilotActivityUserDetailsByPeriod\":[{\"reportPeriod\":1}]}").toString();
    }

    /**
     * The builders' user-days, each builder in a steady AI adoption phase (a tenth no cohort, most
     * code first, a third agent first, a few multi-agent), then GitHub's user-teams report of those
     * days: every builder in the GitHub team of their Pitwall team's name, and the cross-team
     * "platform-guild" that is no Pitwall team (GitHub reports teams of five or more only). Returns
     * how many user-days were stored.
     */
    int github(List<DemoPerson> people, NorthwindActivity activity) {
        // Its own sequence, so the phases change no other figure of the demo.
        Random phases = new Random(42);
        StringBuilder ndjson = new StringBuilder();
        java.util.SortedSet<LocalDate> days = new java.util.TreeSet<>();
        List<DemoPerson> builders = new ArrayList<>();
        for (DemoPerson person : people) {
            if (person.tier() != Tier.BUILDER) {
                continue;
            }
            builders.add(person);
            double draw = phases.nextDouble();
            int phase = draw < 0.1 ? 0 : draw < 0.55 ? 1 : draw < 0.87 ? 2 : 3;
            for (LocalDate day : activity.daysWithRate(0.85)) {
                days.add(day);
                ndjson.append("{\"day\":\"").append(day).append("\",\"user_login\":\"").append(person.externalId())
                        .append("\",\"used_cli\":").append(phase >= 2 && phases.nextDouble() < 0.6)
                        .append(",\"used_copilot_cloud_agent\":").append(phase == 3 && phases.nextDouble() < 0.5)
                        .append(",\"ai_adoption_phase\":{\"phase_number\":").append(phase)
                        .append(",\"phase\":\"Phase ").append(phase).append("\",\"version\":\"v1\"},");
                int generated = 5 + random.nextInt(60);
                int accepted = (int) (generated * (0.25 + random.nextDouble() * 0.2));
                int interactions = random.nextInt(15);
                ndjson.append("\"user_initiated_interaction_count\":").append(interactions)
                        .append(",\"code_generation_activity_count\":").append(generated)
                        .append(",\"code_acceptance_activity_count\":").append(accepted)
                        .append(",\"loc_suggested_to_add_sum\":").append(generated * 6)
                        .append(",\"loc_added_sum\":").append(accepted * 5)
                        .append(",\"used_chat\":").append(interactions > 0)
                        .append(",\"used_agent\":").append(random.nextDouble() < 0.2)
                        .append(",\"totals_by_feature\":[{\"feature\":\"code_completion\"}]}\n");
            }
        }
        int stored = imports.githubNdjson(ndjson.toString().getBytes(StandardCharsets.UTF_8), null, "Northwind Freight",
                NorthwindTelemetry.ACTOR).usage().accepted();
        String memberships = userTeams(builders, days);
        if (!memberships.isEmpty()) {
            imports.githubNdjson(memberships.getBytes(StandardCharsets.UTF_8), null, "Northwind Freight",
                    NorthwindTelemetry.ACTOR);
        }
        return stored;
    }

    private static String userTeams(List<DemoPerson> builders, java.util.SortedSet<LocalDate> days) {
        Map<String, List<DemoPerson>> teams = new TreeMap<>();
        for (int i = 0; i < builders.size(); i++) {
            DemoPerson builder = builders.get(i);
            teams.computeIfAbsent(builder.team().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", ""), t -> new ArrayList<>()).add(builder);
            if (i % 3 == 0) {
                teams.computeIfAbsent("platform-guild", t -> new ArrayList<>()).add(builder);
            }
        }
        StringBuilder rows = new StringBuilder();
        int teamId = 4100;
        for (Map.Entry<String, List<DemoPerson>> team : teams.entrySet()) {
            teamId++;
            if (team.getValue().size() < 5) {
                continue;
            }
            for (LocalDate day : days) {
                for (DemoPerson member : team.getValue()) {
                    rows.append("{\"user_login\":\"").append(member.externalId()).append("\",\"day\":\"").append(day)
                            .append("\",\"organization_id\":\"northwind\",\"team_id\":").append(teamId)
                            .append(",\"slug\":\"").append(team.getKey()).append("\"}\n");
                }
            }
        }
        return rows.toString();
    }
}
