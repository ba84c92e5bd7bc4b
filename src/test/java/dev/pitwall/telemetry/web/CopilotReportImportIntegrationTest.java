package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Microsoft 365 Copilot and GitHub Copilot reports, from the real sample files. */
@PitwallIntegrationTest
class CopilotReportImportIntegrationTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    dev.pitwall.telemetry.UsageEventService usageEvents;
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

    TelemetryFixture fx;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    static byte[] sample(String path) throws Exception {
        try (InputStream in = CopilotReportImportIntegrationTest.class.getResourceAsStream("/samples/" + path)) {
            return in.readAllBytes();
        }
    }

    /** Events stored for the AI system, counted through the event list (whichever store keeps them). */
    private long facts() {
        return usageEvents.find(new dev.pitwall.telemetry.UsageEventQuery(null, fx.system, null, null, null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 1)).totalElements();
    }

    @Test
    void theGraphV1CsvSampleHasOneUserWithoutActivityAndImportsNothing() throws Exception {
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system).contentType(CSV)
                        .content(sample("microsoft-copilot/graph-v1.0-copilot-usage-user-detail-D7.csv")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(0))
                .andExpect(jsonPath("$.usage.rejected").value(0));
        assertThat(facts()).isZero();
    }

    @Test
    void theGraphBetaJsonSampleBecomesFourAppDaysOfAnUnattributedUserAndReimportsAddNothing() throws Exception {
        byte[] report = sample("microsoft-copilot/graph-beta-copilot-usage-user-detail-D7.json");
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(4));
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(0))
                .andExpect(jsonPath("$.usage.duplicates").value(4));
        String events = mvc.perform(get("/api/v1/usage-events").with(httpBasic("admin", "test-admin-password"))
                .param("system", fx.system)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(events, "$.content[*].operation"))
                .containsExactlyInAnyOrder("Copilot Chat", "Teams", "Word", "PowerPoint");
        assertThat(JsonPath.<java.util.List<String>>read(events, "$.content[*].personRef"))
                .containsOnly("DC8C64D6EC3A3AA17481D7E5EB5B68A6");
        assertThat(JsonPath.<java.util.List<Object>>read(events, "$.content[*].personId")).containsOnlyNulls();
    }

    @Test
    void aCsvOfKnownPeopleAttributesTheirFactsAndNamesBadLines() throws Exception {
        String csv = """
                Report Refresh Date,User Principal Name,Display Name,Last Activity Date,Copilot Chat Last Activity Date,Microsoft Teams Copilot Last Activity Date,Word Copilot Last Activity Date,Excel Copilot Last Activity Date,Report Period
                2026-11-20,%s,Member,2026-11-19,2026-11-18,,2026-11-19,,7
                2026-11-20,%s,Outsider,2026-11-19,,2026-11-32,,,7
                2026-11-20,,Nobody,,,,,,7
                """.formatted(fx.member.email().toUpperCase(), fx.outsider.email());
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system).contentType(CSV)
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(2))
                .andExpect(jsonPath("$.usage.rejected").value(2))
                .andExpect(jsonPath("$.usage.rejections[0].line").value(3))
                .andExpect(jsonPath("$.usage.rejections[0].field").value("Teams"))
                .andExpect(jsonPath("$.usage.rejections[1].line").value(4));
        mvc.perform(get("/api/v1/usage-events").with(httpBasic("admin", "test-admin-password"))
                        .param("person", fx.member.email()).param("system", fx.system))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].time").value("2026-11-19T00:00:00Z"));
    }

    @Test
    void theUserCountSummariesBecomeTheTenantsDailyFiguresInBothFormats() throws Exception {
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system).contentType(CSV)
                        .content(sample("microsoft-copilot/graph-v1.0-copilot-user-count-summary-D7.csv")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgDaysAdded").value(1));
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sample("microsoft-copilot/graph-beta-copilot-user-count-summary-D7.json")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgDaysAdded").value(1));
        RequestPostProcessor admin = httpBasic("admin", "test-admin-password");
        mvc.perform(get("/api/v1/org-metrics").with(admin).param("source", "M365_COPILOT").param("scope", "tenant:D7")
                        .param("from", "2026-07-03").param("to", "2026-07-03"))
                .andExpect(jsonPath("$[?(@.metric == 'microsoft_teams_enabled_users')].value").value(Matchers.contains(25)))
                .andExpect(jsonPath("$[?(@.metric == 'report_period_days')].value").value(Matchers.contains(7)));
        mvc.perform(get("/api/v1/org-metrics").with(admin).param("source", "M365_COPILOT").param("scope", "tenant:D7")
                        .param("from", "2025-08-20").param("to", "2025-08-20"))
                .andExpect(jsonPath("$[?(@.metric == 'powerpoint_active_users')].value").value(Matchers.contains(8530)))
                .andExpect(jsonPath("$[?(@.metric == 'any_app_active_users')].value").value(Matchers.contains(165115)));
    }

    @Test
    void wrongReportsAndHeadersAreRefusedWithTheLine() throws Exception {
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", fx.system).contentType(CSV)
                        .content("Email,Date\na@b.c,2026-01-01\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("user_principal_name")));
        mvc.perform(post("/api/v1/imports/m365-copilot").with(contributor).param("system", "no-such-system")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sample("microsoft-copilot/graph-beta-copilot-usage-user-detail-D7.json")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("system"));
        mvc.perform(post("/api/v1/imports/github-copilot").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sample("github-copilot/viewer-mock/organization_seats_response_sample.json")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_REPORT"));
        mvc.perform(post("/api/v1/imports/github-copilot").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content("[{\"day\":\"2025-10-01\",\"user_login\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
        assertThat(facts()).isZero();
    }

    /** Expected figures counted from each file by hand (records, and user-days vs organization days). */
    @ParameterizedTest
    @CsvSource({
        "official-usage-metrics-user-level-example.json, 1, 0",
        "official-orgs-copilot-metrics-example.json, 0, 1",
        "official-usage-metrics-enterprise-level-example.json, 0, 2",
        "viewer-mock/organization_metrics_response_sample.json, 0, 21",
        "viewer-mock/enterprise_metrics_response_sample.json, 0, 21",
        "viewer-mock/new-api/organization-1-day-report.json, 0, 1",
        "viewer-mock/new-api/organization-28-day-report.json, 0, 28",
        "viewer-mock/new-api/organization-users-1-day-report.json, 2, 0",
        "viewer-mock/new-api/organization-users-28-day-report.json, 107, 0",
        "viewer-mock/new-api/enterprise-users-1-day-report.json, 1, 0"})
    void everyGitHubSampleImportsWithItsCounts(String file, int userDays, int orgDays) throws Exception {
        String scope = "scope-" + fx.suffix;
        String response = mvc.perform(post("/api/v1/imports/github-copilot").with(contributor).param("system", fx.system)
                        .param("scope", scope).contentType(MediaType.APPLICATION_JSON).content(sample("github-copilot/" + file)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int accepted = JsonPath.read(response, "$.usage.accepted");
        int duplicates = JsonPath.read(response, "$.usage.duplicates");
        int added = JsonPath.read(response, "$.orgDaysAdded");
        int replaced = JsonPath.read(response, "$.orgDaysReplaced");
        assertThat(accepted + duplicates).isEqualTo(userDays);
        assertThat(added + replaced).isEqualTo(orgDays);
        assertThat(JsonPath.<Integer>read(response, "$.usage.rejected")).isZero();
    }

    @Test
    void userDaysAsNdjsonCarryTokensAndMatchPeopleByGitHubLogin() throws Exception {
        String ndjson = """
                {"day":"2025-10-02","user_id":77,"user_login":"%s","user_initiated_interaction_count":3,"code_generation_activity_count":5,"code_acceptance_activity_count":2,"used_chat":true,"totals_by_cli":{"token_usage":{"prompt_tokens_sum":100,"output_tokens_sum":40}}}
                {"day":"2025-10-02","user_login":"someone-else","code_acceptance_activity_count":-1}
                not json
                """.formatted(fx.member.externalId());
        mvc.perform(post("/api/v1/imports/github-copilot").with(contributor).param("system", fx.system)
                        .contentType(NDJSON).content(ndjson.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(1))
                .andExpect(jsonPath("$.usage.rejections[0].line").value(2))
                .andExpect(jsonPath("$.usage.rejections[0].field").value("code_acceptance_activity_count"))
                .andExpect(jsonPath("$.usage.rejections[1].line").value(3));
        mvc.perform(get("/api/v1/usage-events").with(httpBasic("admin", "test-admin-password"))
                        .param("person", fx.member.externalId()).param("system", fx.system))
                .andExpect(jsonPath("$.content[0].personId").value(fx.member.id()))
                .andExpect(jsonPath("$.content[0].inputTokens").value(100))
                .andExpect(jsonPath("$.content[0].attributes.code_acceptance_activity_count").value(2));
    }

    @Test
    void organizationDaysAreStoredAsFiguresAndAReimportReplacesThemWithAnAuditEntry() throws Exception {
        String scope = "acme-" + fx.suffix;
        byte[] legacy = sample("github-copilot/official-orgs-copilot-metrics-example.json");
        byte[] revised = new String(legacy, StandardCharsets.UTF_8)
                .replaceFirst("\"total_active_users\": ?24", "\"total_active_users\": 30").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/v1/imports/github-copilot").with(contributor).param("system", fx.system)
                            .param("scope", scope).contentType(MediaType.APPLICATION_JSON).content(i < 2 ? legacy : revised))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.orgBatchId").isNumber())
                    .andExpect(jsonPath("$.orgDaysAdded").value(i == 0 ? 1 : 0))
                    .andExpect(jsonPath("$.orgDaysReplaced").value(i == 0 ? 0 : 1));
        }
        mvc.perform(get("/api/v1/org-metrics").with(httpBasic("admin", "test-admin-password")).param("scope", scope)
                        .param("from", "2024-06-24").param("to", "2024-06-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.metric == 'total_active_users')].value").value(Matchers.contains(30)))
                .andExpect(jsonPath("$[?(@.metric == 'code_suggestions')].value").value(Matchers.hasSize(1)));
        // The identical re-import changed nothing and is not audited; the revision is, with both figures.
        mvc.perform(get("/api/v1/audit").with(httpBasic("admin", "test-admin-password"))
                        .param("entityType", "ORG_METRIC_DAY").param("entityId", "GITHUB_COPILOT/" + scope + "/2024-06-24"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].before.total_active_users").value(24))
                .andExpect(jsonPath("$.content[0].after.total_active_users").value(30))
                .andExpect(jsonPath("$.content[0].actor").isString());
    }
}
