package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * GitHub Copilot usage metrics in their 2026 form: the user-day's AI adoption phase, agent and CLI
 * activity and credits; the organization day's per-phase totals, pull requests and CLI figures;
 * the user-teams report joined with the users report into figures per GitHub team, mapped to
 * Pitwall teams (unknown ones listed), with the minimum group size for callers without
 * people:identify; bad user-teams rows refuse the file whole.
 */
@PitwallIntegrationTest
class GitHubCopilotUsageIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    private UsageEventService usageEvents;
    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private TelemetryFixture fx;
    private RequestPostProcessor contributor;
    /** A day of its own for each test, so the organization-wide figures are the test's alone. */
    private LocalDate day;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
        day = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(116, 200));
    }

    private String send(MockHttpServletRequestBuilder request, MediaType type, String body, RequestPostProcessor as,
            int status) throws Exception {
        if (type != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    private long team(String name) throws Exception {
        return JsonPath.<Number>read(send(post("/api/v1/teams"), MediaType.APPLICATION_JSON,
                "{\"name\":\"" + name + "\"}", ADMIN, 201), "$.id").longValue();
    }

    private void person(String login, long team) throws Exception {
        send(post("/api/v1/people"), MediaType.APPLICATION_JSON, """
                {"email":"%s@example.com","externalId":"%s","name":"%s","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                .formatted(login, login, login, team), ADMIN, 201);
    }

    private static String userDay(LocalDate day, String login, int id, int phase, boolean agent, boolean cli) {
        return ("{\"day\":\"%s\",\"user_id\":%d,\"user_login\":\"%s\",\"user_initiated_interaction_count\":10,"
                + "\"code_generation_activity_count\":6,\"code_acceptance_activity_count\":4,\"loc_suggested_to_add_sum\":50,"
                + "\"loc_added_sum\":30,\"used_agent\":%s,\"used_cli\":%s,\"used_copilot_cloud_agent\":false,"
                + "\"ai_adoption_phase\":{\"phase_number\":%d,\"phase\":\"Phase %d\",\"version\":\"v1\"}}")
                .formatted(day, id, login, agent, cli, phase, phase);
    }

    @Test
    void userDaysCarryTheAdoptionPhaseAgentAndCliActivityAndCredits() throws Exception {
        String login = fx.member.externalId();
        String ndjson = """
                {"day":"%1$s","user_id":9001,"user_login":"%2$s","loc_suggested_to_add_sum":40,"loc_added_sum":25,"used_copilot_cloud_agent":true,"used_cli":true,"ai_credits_used":2.5,"totals_by_cli":{"session_count":3,"request_count":7,"prompt_count":5},"ai_adoption_phase":{"phase_number":3,"phase":"Phase 3","version":"v1"}}
                {"day":"%1$s","user_id":9002,"user_login":"someone-%3$s","ai_adoption_phase":{"phase_number":-1}}
                {"day":"%1$s","user_id":9003,"user_login":"other-%3$s","ai_credits_used":"a lot"}
                """.formatted(day, login, fx.suffix);
        String result = send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON, ndjson,
                contributor, 200);
        assertThat(JsonPath.<Integer>read(result, "$.usage.accepted")).isEqualTo(1);
        assertThat(JsonPath.<List<Map<String, Object>>>read(result, "$.usage.rejections"))
                .extracting(v -> v.get("line"), v -> v.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "ai_adoption_phase.phase_number"),
                        org.assertj.core.groups.Tuple.tuple(3, "ai_credits_used"));
        DocumentContext events = JsonPath.parse(send(get("/api/v1/usage-events").param("person", login)
                .param("system", fx.system), null, null, ADMIN, 200));
        assertThat(events.<Integer>read("$.content[0].attributes.ai_adoption_phase")).isEqualTo(3);
        assertThat(events.<String>read("$.content[0].attributes.ai_adoption_phase_version")).isEqualTo("v1");
        assertThat(events.<Double>read("$.content[0].attributes.ai_credits_used")).isEqualTo(2.5);
        assertThat(events.<Boolean>read("$.content[0].attributes.used_copilot_cloud_agent")).isTrue();
        assertThat(events.<Integer>read("$.content[0].attributes.cli_request_count")).isEqualTo(7);
        assertThat(events.<Integer>read("$.content[0].attributes.loc_suggested_to_add_sum")).isEqualTo(40);
        assertThat(events.<Integer>read("$.content[0].attributes.loc_added_sum")).isEqualTo(25);
        // One GitHub user that day: counted for administrators, "fewer than 5" for an executive.
        var range = get("/api/v1/github-copilot/teams").param("from", day.toString()).param("to", day.toString());
        assertThat(JsonPath.<Integer>read(send(range, null, null, ADMIN, 200), "$.githubUsers")).isEqualTo(1);
        var executive = httpBasic(TestUsers.create(users, Role.EXECUTIVE).username(), TestUsers.PASSWORD);
        assertThat(JsonPath.<Object>read(send(get("/api/v1/github-copilot/teams").param("from", day.toString())
                .param("to", day.toString()), null, null, executive, 200), "$.githubUsers")).isNull();

        // GitHub's own sample of the 2026 users report: hubot in phase 2, octocat in phase 3.
        send(post("/api/v1/imports/github-copilot").param("system", fx.system), MediaType.APPLICATION_JSON,
                new String(CopilotReportImportIntegrationTest.sample(
                        "github-copilot/viewer-mock/new-api/organization-users-1-day-report.json"), StandardCharsets.UTF_8),
                contributor, 200);
        // Read through the event list: the same on every event store.
        Map<String, UsageEvent> stored = new java.util.HashMap<>();
        usageEvents.find(new UsageEventQuery(null, null, null, java.time.Instant.parse("2026-04-25T00:00:00Z"),
                java.time.Instant.parse("2026-04-26T00:00:00Z"), TelemetrySource.GITHUB_COPILOT, null, null),
                new PageQuery(0, 200)).content().forEach(e -> stored.put(e.id(), e));
        assertThat(stored.get("github:2026-04-25:338097").attributes())
                .contains("\"ai_adoption_phase\":2", "\"ai_credits_used\":2.5");
        assertThat(stored.get("github:2026-04-25:338094").attributes()).contains("\"ai_adoption_phase\":3");
        // The model with the most code generation is the fact's model; every model is in the attributes.
        assertThat(stored.get("github:2026-04-25:338097").model()).isEqualTo("claude-sonnet-4.6");
    }

    private static String format(String file) throws Exception {
        try (var in = GitHubCopilotUsageIntegrationTest.class.getResourceAsStream("/formats/github/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDocumentedSampleReportsImportAndAMalformedLineRefusesTheUserTeamsFile() throws Exception {
        String teamsReport = format("user-teams-1-day.ndjson");
        List<String> rows = teamsReport.lines().toList();
        // Line 3 without its team's slug, line 5 with a day to come: the file is refused whole, both named.
        List<String> broken = new ArrayList<>(rows);
        broken.set(2, rows.get(2).replace(",\"slug\":\"payments-core\"", ""));
        broken.set(4, rows.get(4).replace("2026-05-07", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()));
        String refused = send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON,
                String.join("\n", broken), contributor, 400);
        assertThat(JsonPath.<List<Map<String, Object>>>read(refused, "$.errors"))
                .extracting(e -> e.get("line"), e -> e.get("field"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "slug"), org.assertj.core.groups.Tuple.tuple(5, "day"));
        String stored = send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON, teamsReport,
                contributor, 200);
        assertThat(JsonPath.<Integer>read(stored, "$.teams.memberships")).isEqualTo(10);
        assertThat(JsonPath.<List<String>>read(stored, "$.teams.days")).containsExactly("2026-05-07");
        assertThat(JsonPath.<List<String>>read(stored, "$.teams.unknownTeams")).contains("frontend-guild", "payments-core");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_github_team_member WHERE scope = 'org:9100001' AND "
                + "member_day = DATE '2026-05-07'").query(Long.class).single()).isEqualTo(10);

        send(post("/api/v1/imports/github-copilot").param("system", fx.system), MediaType.APPLICATION_JSON,
                format("organization-1-day-phases.json"), contributor, 200);
        DocumentContext metrics = JsonPath.parse(send(get("/api/v1/org-metrics").param("source", "GITHUB_COPILOT")
                .param("scope", "org:9100001").param("from", "2026-05-07").param("to", "2026-05-07"), null, null,
                ADMIN, 200));
        assertThat(metrics.<List<Double>>read("$[?(@.metric == 'ai_adoption_phase_3_avg_loc_added')].value"))
                .containsExactly(410.75);
        assertThat(metrics.<List<Integer>>read("$[?(@.metric == 'ai_adoption_phase_1_total_engaged_users')].value"))
                .containsExactly(30);
        assertThat(metrics.<List<Integer>>read("$[?(@.metric == 'pull_requests_total_created_by_copilot')].value"))
                .containsExactly(5);
        assertThat(metrics.<List<Integer>>read("$[?(@.metric == 'daily_active_copilot_code_review_users')].value"))
                .containsExactly(6);
        String page = send(get("/telemetry/github-copilot").param("from", "2026-05-07").param("to", "2026-05-07")
                .accept(MediaType.TEXT_HTML), null, null, ADMIN, 200);
        assertThat(page).contains("id=\"org-phases\"", "payments-core", "frontend-guild");
    }

    @Test
    void aReportUploadedOnThePageIsImportedAndARefusalIsShownWithItsLines() throws Exception {
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/telemetry/github-copilot/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "user-teams.ndjson",
                        "application/x-ndjson", format("user-teams-1-day.ndjson").getBytes(StandardCharsets.UTF_8)))
                .param("system", fx.system)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        var done = mvc.perform(upload.with(contributor)).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/telemetry/github-copilot#import");
        assertThat((String) done.getFlashMap().get("flashMessage")).contains("10 team memberships", "frontend-guild");
        assertThat(done.getFlashMap().get("importSystem")).isEqualTo(fx.system);

        String broken = format("user-teams-1-day.ndjson").replace(",\"slug\":\"frontend-guild\"}", "}");
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/telemetry/github-copilot/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "broken.ndjson", "application/x-ndjson",
                        broken.getBytes(StandardCharsets.UTF_8)))
                .param("system", fx.system)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(contributor)).andReturn();
        assertThat((String) refused.getFlashMap().get("importError")).contains("line 6 slug: is required");
        assertThat(refused.getFlashMap().get("importSystem")).isEqualTo(fx.system);

        // A viewer may not import.
        var viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/telemetry/github-copilot/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "x.ndjson", "application/x-ndjson",
                        new byte[] {'{', '}'}))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(viewer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void organizationDaysKeepThePhaseTotalsPullRequestsAndCliFigures() throws Exception {
        String scope = "enterprise:" + fx.suffix;
        String report = """
                {"day_totals":[{"day":"%s","enterprise_id":"%s","daily_active_users":40,
                  "pull_requests":{"total_created":12,"total_merged":9,"median_minutes_to_merge":42.5},
                  "totals_by_cli":{"session_count":8,"token_usage":{"output_tokens_sum":7000,"prompt_tokens_sum":5300}},
                  "totals_by_ai_adoption_phase":[
                    {"phase":"Phase 1","phase_number":1,"total_engaged_users":25,"avg_user_initiated_interactions":12.5,"avg_loc_added":80.25},
                    {"phase":"Phase 3","phase_number":3,"total_engaged_users":6,"avg_pull_requests_merged":1.5}]}]}
                """.formatted(day, fx.suffix);
        send(post("/api/v1/imports/github-copilot").param("system", fx.system), MediaType.APPLICATION_JSON, report,
                contributor, 200);
        DocumentContext metrics = JsonPath.parse(send(get("/api/v1/org-metrics").param("source", "GITHUB_COPILOT")
                .param("scope", scope).param("from", day.toString()).param("to", day.toString()), null, null, ADMIN, 200));
        Map<String, Double> byName = new java.util.HashMap<>();
        List<Map<String, Object>> rows = metrics.read("$[*]");
        rows.forEach(r -> byName.put((String) r.get("metric"), ((Number) r.get("value")).doubleValue()));
        assertThat(byName).containsEntry("daily_active_users", 40.0)
                .containsEntry("pull_requests_total_merged", 9.0)
                .containsEntry("pull_requests_median_minutes_to_merge", 42.5)
                .containsEntry("cli_session_count", 8.0)
                .containsEntry("cli_output_tokens_sum", 7000.0)
                .containsEntry("ai_adoption_phase_1_total_engaged_users", 25.0)
                .containsEntry("ai_adoption_phase_1_avg_user_initiated_interactions", 12.5)
                .containsEntry("ai_adoption_phase_1_avg_loc_added", 80.25)
                .containsEntry("ai_adoption_phase_3_avg_pull_requests_merged", 1.5)
                .doesNotContainKey("ai_adoption_phase_1_phase_number");
    }

    @Test
    void theUserTeamsReportGivesTeamFiguresMappedToPitwallTeamsWithUnknownOnesListed() throws Exception {
        String s = fx.suffix;
        day = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(30, 115));
        long claims = team("Claims Platform " + s);
        long data = team("Data " + s);
        List<String> lines = new ArrayList<>();
        List<String> memberships = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String login = "gh" + i + "-" + s;
            person(login, claims);
            // Four code first (one with the CLI), two multi-agent (with agents).
            lines.add(userDay(day, login, 700_000 + i, i < 4 ? 1 : 3, i >= 4, i == 0));
            memberships.add("{\"user_id\":%d,\"user_login\":\"%s\",\"day\":\"%s\",\"organization_id\":\"%s\",\"team_id\":%d,\"slug\":\"claims-platform-%s\"}"
                    .formatted(700_000 + i, login, day, s, 11, s));
            if (i < 5) {
                memberships.add("{\"user_id\":%d,\"user_login\":\"%s\",\"day\":\"%s\",\"organization_id\":\"%s\",\"team_id\":%d,\"slug\":\"ghost-%s\"}"
                        .formatted(700_000 + i, login, day, s, 12, s));
            }
        }
        send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON, String.join("\n", lines),
                contributor, 200);

        // A bad row refuses the whole user-teams file.
        String bad = memberships.get(0) + "\n{\"user_login\":\"x\",\"day\":\"" + day + "\",\"team_id\":13}\n";
        String refused = send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON, bad,
                contributor, 400);
        assertThat(JsonPath.<String>read(refused, "$.code")).isEqualTo("GITHUB_TEAMS_INVALID");
        assertThat(JsonPath.<Integer>read(refused, "$.errors[0].line")).isEqualTo(2);
        assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("slug");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_github_team_member WHERE slug = ?")
                .param("claims-platform-" + s).query(Long.class).single()).isZero();

        String stored = send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON,
                String.join("\n", memberships), contributor, 200);
        assertThat(JsonPath.<Integer>read(stored, "$.teams.memberships")).isEqualTo(11);
        assertThat(JsonPath.<List<String>>read(stored, "$.teams.unknownTeams")).containsExactly("ghost-" + s);
        assertThat(JsonPath.<List<String>>read(stored, "$.teams.teams[?(@.slug == 'claims-platform-" + s + "')].teamName"))
                .containsExactly("Claims Platform " + s);
        // Imported again, the day's memberships are replaced, not doubled.
        send(post("/api/v1/imports/github-copilot").param("system", fx.system), NDJSON, String.join("\n", memberships),
                contributor, 200);

        var range = get("/api/v1/github-copilot/teams").param("from", day.toString()).param("to", day.toString());
        DocumentContext report = JsonPath.parse(send(range, null, null, ADMIN, 200));
        String claimsTeam = "$.teams[?(@.slug == 'claims-platform-" + s + "')]";
        assertThat(report.<List<Object>>read(claimsTeam + ".members")).containsExactly(6);
        assertThat(report.<List<Object>>read(claimsTeam + ".activeUsers")).containsExactly(6);
        assertThat(report.<List<Object>>read(claimsTeam + ".interactions")).containsExactly(60);
        assertThat(report.<List<Object>>read(claimsTeam + ".locSuggestedToAdd")).containsExactly(300);
        assertThat(report.<List<Object>>read(claimsTeam + ".locAdded")).containsExactly(180);
        assertThat(report.<List<Object>>read(claimsTeam + ".agentUsers")).containsExactly(2);
        assertThat(report.<List<Object>>read(claimsTeam + ".cliUsers")).containsExactly(1);
        assertThat(report.<List<Object>>read(claimsTeam + ".phases['code first']")).containsExactly(4);
        assertThat(report.<List<Object>>read(claimsTeam + ".phases['multi-agent']")).containsExactly(2);
        assertThat(report.<List<Object>>read(claimsTeam + ".teamId")).containsExactly((int) claims);
        assertThat(report.<List<String>>read("$.unknownTeams")).contains("ghost-" + s);
        assertThat(report.<Integer>read("$.phases['code first']")).isEqualTo(4);
        assertThat(report.<Integer>read("$.githubUsers")).isEqualTo(6);

        // Without people:identify no count of fewer than five people shows, nor one the rest would reveal.
        var executive = httpBasic(TestUsers.create(users, Role.EXECUTIVE).username(), TestUsers.PASSWORD);
        DocumentContext seen = JsonPath.parse(send(get("/api/v1/github-copilot/teams").param("from", day.toString())
                .param("to", day.toString()), null, null, executive, 200));
        assertThat(seen.<List<Object>>read(claimsTeam + ".members")).containsExactly(6);
        assertThat(seen.<List<Object>>read(claimsTeam + ".agentUsers")).containsOnlyNulls();
        assertThat(seen.<List<Object>>read(claimsTeam + ".cliUsers")).containsOnlyNulls();
        assertThat(seen.<List<Object>>read(claimsTeam + ".phases['code first']")).containsOnlyNulls();
        assertThat(seen.<List<Object>>read(claimsTeam + ".phases['multi-agent']")).containsOnlyNulls();
        assertThat(seen.<Object>read("$.phases['code first']")).isNull();

        // Mapping the unknown team: only with directory:write; audited; the report follows.
        send(put("/api/v1/github-copilot/teams/ghost-" + s + "/mapping"), MediaType.APPLICATION_JSON,
                "{\"teamId\":" + data + "}", executive, 403);
        send(put("/api/v1/github-copilot/teams/ghost-" + s + "/mapping"), MediaType.APPLICATION_JSON,
                "{\"teamId\":-5}", ADMIN, 400);
        send(put("/api/v1/github-copilot/teams/ghost-" + s + "/mapping"), MediaType.APPLICATION_JSON,
                "{\"teamId\":" + data + "}", ADMIN, 200);
        DocumentContext mapped = JsonPath.parse(send(get("/api/v1/github-copilot/teams").param("from", day.toString())
                .param("to", day.toString()), null, null, ADMIN, 200));
        assertThat(mapped.<List<Object>>read("$.teams[?(@.slug == 'ghost-" + s + "')].teamName")).containsExactly("Data " + s);
        assertThat(mapped.<List<String>>read("$.unknownTeams")).doesNotContain("ghost-" + s);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE entity_type = 'GITHUB_TEAM_MAPPING' "
                + "AND entity_id = ?").param("ghost-" + s).query(Long.class).single()).isEqualTo(1);
        send(delete("/api/v1/github-copilot/teams/ghost-" + s + "/mapping"), null, null, ADMIN, 204);
        send(delete("/api/v1/github-copilot/teams/ghost-" + s + "/mapping"), null, null, ADMIN, 404);

        String page = send(get("/telemetry/github-copilot").param("from", day.toString()).param("to", day.toString())
                .accept(MediaType.TEXT_HTML), null, null, ADMIN, 200);
        assertThat(page).contains("claims-platform-" + s, "Claims Platform " + s, "ghost-" + s);
    }
}
