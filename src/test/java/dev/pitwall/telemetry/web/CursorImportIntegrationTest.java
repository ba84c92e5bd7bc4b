package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cursor team usage, from a response of the Admin API's daily usage data written from its
 * documentation (src/test/resources/formats/README.md): active member-days become activity facts of
 * the people with those emails, inactive days are skipped, re-imports add nothing, and a file with a
 * row that cannot be read is refused whole, naming each row and field.
 */
@PitwallIntegrationTest
class CursorImportIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

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

    /** The sample, its directory member being the fixture's and its outsider unique to this test. */
    private String sample() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/formats/cursor/daily-usage-data.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("developer.one@example.com", fx.member.email())
                    .replace("contractor@example.org", "contractor-" + fx.suffix + "@example.org")
                    .replace("developer.two@example.com", "developer-two-" + fx.suffix + "@example.com");
        }
    }

    /** Events stored for the AI system, counted through the event list (whichever store keeps them). */
    private long facts() {
        return usageEvents.find(new dev.pitwall.telemetry.UsageEventQuery(null, fx.system, null, null, null, null, null,
                null), new dev.pitwall.platform.web.PageQuery(0, 1)).totalElements();
    }

    @Test
    void activeMemberDaysBecomeActivityFactsOfTheirPeopleOnce() throws Exception {
        String body = sample();
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(3))
                .andExpect(jsonPath("$.usage.skipped").value(1))
                .andExpect(jsonPath("$.usage.rejected").value(0));
        assertThat(facts()).isEqualTo(3);

        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("person", fx.member.email()).param("system", fx.system))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-02T00:00:00Z')].personId").value((int) fx.member.id()))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-02T00:00:00Z')].model").value("claude-4-sonnet"))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-02T00:00:00Z')].attributes.acceptedLinesAdded").value(1102))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-02T00:00:00Z')].attributes.totalTabsAccepted").value(289))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-02T00:00:00Z')].attributes.agentRequests").value(12))
                .andExpect(jsonPath("$.content[?(@.time == '2026-11-03T00:00:00Z')].attributes.tabMostUsedExtension").value(".py"));
        // The contractor is not in the directory: kept, unattributed to a person.
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("person", "contractor-" + fx.suffix + "@example.org"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].personId").isEmpty());

        // Cursor's window is rolling: the same days again add nothing.
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(0))
                .andExpect(jsonPath("$.usage.duplicates").value(3));
        assertThat(facts()).isEqualTo(3);
    }

    @Test
    void aRowThatCannotBeReadRefusesTheWholeFileNamingRowAndField() throws Exception {
        String rows = """
                [{"date":1793577600000,"isActive":true,"chatRequests":3,"email":"%s"},
                 {"date":1793577600000,"isActive":true,"totalTabsAccepted":-1,"email":"b@example.com"},
                 {"isActive":true,"chatRequests":2.5,"email":"c@example.com"},
                 {"date":"yesterday","isActive":"yes","chatRequests":1},
                 "not a row"]""".formatted(fx.member.email());
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(rows))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CURSOR_REPORT_INVALID"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("totalTabsAccepted"))
                .andExpect(jsonPath("$.errors[1].line").value(3))
                .andExpect(jsonPath("$.errors[1].field").value("date"))
                .andExpect(jsonPath("$.errors[2].line").value(3))
                .andExpect(jsonPath("$.errors[2].field").value("chatRequests"))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("date", "email", "isActive")))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].reason").value("must be a JSON object"));
        assertThat(facts()).isZero();

        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"data\": {\"rows\": 1}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"data\": [ {\"date\": 1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"data\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EMPTY_REPORT"));
        mvc.perform(post("/api/v1/imports/cursor").with(contributor).param("system", "no-such-" + fx.suffix)
                        .contentType(MediaType.APPLICATION_JSON).content(sample()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("system"));
        assertThat(facts()).isZero();
    }

    @Test
    void pullingWithoutAKeyIsRefusedSayingHowToImportInstead() throws Exception {
        mvc.perform(post("/api/v1/imports/cursor/pull").with(contributor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CURSOR_PULL_NOT_CONFIGURED"));
    }

    @Test
    void readingRolesMayNotImport() throws Exception {
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        mvc.perform(post("/api/v1/imports/cursor").with(viewer).param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(sample()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/cursor").param("system", fx.system)
                        .contentType(MediaType.APPLICATION_JSON).content(sample()))
                .andExpect(status().isUnauthorized());
        assertThat(facts()).isZero();
    }
}
