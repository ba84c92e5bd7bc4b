package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Rules attribute events as they arrive; changed rules re-attribute stored events and their rollups. */
@PitwallIntegrationTest
class AttributionIntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 15);

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
    RollupService rollups;
    @Autowired
    UsageRollupService usage;

    TelemetryFixture fx;
    RequestPostProcessor owner;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        owner = httpBasic(TestUsers.create(users, Role.OWNER).username(), TestUsers.PASSWORD);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private long rule(String name, int priority, String team, String operation, String workflow) throws Exception {
        String body = """
                {"name":"%s","priority":%d,"systemKey":"%s","teamName":%s,"operation":%s,"workflowKey":"%s"}"""
                .formatted(name, priority, fx.system, team == null ? "null" : "\"" + team + "\"",
                        operation == null ? "null" : "\"" + operation + "\"", workflow);
        String response = mvc.perform(post("/api/v1/attribution-rules").with(owner).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.<Number>read(response, "$.id").longValue();
    }

    private void ingest(String... lines) throws Exception {
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(MediaType.parseMediaType("application/x-ndjson"))
                .content(String.join("\n", lines))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
    }

    private String attributionOf(String id) throws Exception {
        String response = mvc.perform(get("/api/v1/usage-events").with(owner).param("system", fx.system).param("size", "100"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<java.util.List<String>>read(response,
                "$.content[?(@.id == '" + id + "-" + fx.suffix + "')].attribution").get(0) + "/"
                + JsonPath.<java.util.List<String>>read(response,
                "$.content[?(@.id == '" + id + "-" + fx.suffix + "')].workflowKey").get(0);
    }

    private long eventsOf(String workflow) {
        return usage.daily(DAY, DAY, fx.system, workflow).stream().mapToLong(DailyUsage::events).sum();
    }

    @Test
    void rulesAttributeArrivingEventsAndReattributionMovesStoredOnes() throws Exception {
        long teamRule = rule("Team chat", 10, fx.team.name(), null, fx.workflow);
        rule("Summaries", 5, null, "summarize", fx.otherWorkflow);
        String time = DAY + "T10:00:00Z";
        ingest(fx.event("m-chat", time, fx.member.email(), "\"operation\":\"chat\""),
                fx.event("o-chat", time, fx.outsider.email(), "\"operation\":\"chat\""),
                fx.event("m-sum", time, fx.member.email(), "\"operation\":\"SUMMARIZE\""),
                fx.event("o-explicit", time, fx.outsider.email(), "\"workflow\":\"" + fx.otherWorkflow + "\""));

        assertThat(attributionOf("m-chat")).isEqualTo("RULE/" + fx.workflow);
        assertThat(attributionOf("o-chat")).isEqualTo("NONE/null");
        assertThat(attributionOf("m-sum")).isEqualTo("RULE/" + fx.otherWorkflow);
        assertThat(attributionOf("o-explicit")).isEqualTo("EXPLICIT/" + fx.otherWorkflow);
        rollups.rollUpPending();
        assertThat(eventsOf(fx.workflow)).isEqualTo(1);
        assertThat(eventsOf(fx.otherWorkflow)).isEqualTo(2);
        assertThat(eventsOf(UsageRollupService.NO_WORKFLOW)).isEqualTo(1);

        // Widen the chat rule to everyone: only re-attribution changes what is stored.
        mvc.perform(delete("/api/v1/attribution-rules/" + teamRule).with(owner)).andExpect(status().isNoContent());
        rule("All chat", 10, null, null, fx.workflow);
        assertThat(attributionOf("o-chat")).isEqualTo("NONE/null");
        mvc.perform(post("/api/v1/attribution-rules/reattribute").with(owner).param("from", DAY.toString())
                        .param("to", DAY.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        assertThat(attributionOf("o-chat")).isEqualTo("RULE/" + fx.workflow);
        assertThat(attributionOf("m-chat")).isEqualTo("RULE/" + fx.workflow);
        assertThat(attributionOf("o-explicit")).isEqualTo("EXPLICIT/" + fx.otherWorkflow);
        assertThat(eventsOf(fx.workflow)).isEqualTo(2);
        assertThat(eventsOf(fx.otherWorkflow)).isEqualTo(2);
        assertThat(eventsOf(UsageRollupService.NO_WORKFLOW)).isZero();
    }

    /** Re-attribution pages through events in the order of their unique key: here over three pages of 5,000. */
    @Test
    void reattributionReachesEveryEventOfTheRange() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 8, 17);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12_001; i++) {
            lines.append(fx.event("p" + i, day.plusDays(i % 2) + "T08:00:00Z", fx.outsider.email(),
                    "\"operation\":\"paged\"")).append('\n');
        }
        ingest(lines.toString());
        rule("Paged", 3, null, "paged", fx.workflow);
        mvc.perform(post("/api/v1/attribution-rules/reattribute").with(owner).param("from", day.toString())
                        .param("to", day.plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.examined").value(org.hamcrest.Matchers.greaterThanOrEqualTo(12_001)))
                .andExpect(jsonPath("$.changed").value(12_001));
        rollups.rollUpPending();
        assertThat(usage.daily(day, day.plusDays(1), fx.system, fx.workflow).stream().mapToLong(DailyUsage::events)
                .sum()).isEqualTo(12_001);
    }

    @Test
    void aRuleNamingUnknownThingsIsRefusedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/attribution-rules").with(owner).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Bad","priority":1,"systemKey":"nope","teamName":"No team","workflowKey":"nope"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("systemKey", "workflowKey", "teamName")));
        mvc.perform(post("/api/v1/attribution-rules").with(owner).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"","systemKey":"%s","workflowKey":"%s"}""".formatted(fx.system, fx.workflow)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "priority")));
        mvc.perform(post("/api/v1/attribution-rules/reattribute").with(owner).param("from", "2026-09-10")
                        .param("to", "2026-09-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void onlyOwnersAndAdministratorsChangeRules() throws Exception {
        String body = """
                {"name":"X","priority":1,"systemKey":"%s","workflowKey":"%s"}""".formatted(fx.system, fx.workflow);
        mvc.perform(post("/api/v1/attribution-rules").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/attribution-rules/reattribute").with(contributor).param("from", "2026-09-01")
                .param("to", "2026-09-02")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/attribution-rules").with(contributor)).andExpect(status().isOk());
    }
}
