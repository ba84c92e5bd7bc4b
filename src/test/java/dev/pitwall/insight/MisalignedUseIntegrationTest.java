package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Misaligned use explained on an organization built through the API: a team member outside the
 * workflow's intended users uses its AI system without a workflow; the report names the team, the
 * system and the workflow it probably belongs to, and accepting it as a rule or as intended users works.
 */
@PitwallIntegrationTest
class MisalignedUseIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    RollupService rollups;

    @Test
    void useOutsideTheIntendedWorkflowIsExplainedAndTheSuggestionAccepted() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "Dispatch " + s;
        long teamId = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"" + team + "\"}"), "$.id").longValue();
        for (String name : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivy", "jon", "kim",
                "lea")) {
            send(post("/api/v1/people"), """
                    {"email":"%s-%s@mis.test","name":"%s %s","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                    .formatted(name, s, name, s, teamId));
        }
        send(post("/api/v1/ai-systems"), "{\"key\":\"mis-%s\",\"name\":\"Router %s\",\"kind\":\"SAAS_COPILOT\"}".formatted(s, s));
        send(post("/api/v1/ai-systems"), "{\"key\":\"third-%s\",\"name\":\"Third %s\",\"kind\":\"SAAS_COPILOT\"}".formatted(s, s));
        send(post("/api/v1/ai-systems"), "{\"key\":\"other-%s\",\"name\":\"Other %s\",\"kind\":\"SAAS_COPILOT\"}".formatted(s, s));
        send(post("/api/v1/workflows"), """
                {"key":"mis-%1$s","name":"Routing %1$s","stage":"PILOT","systems":["mis-%1$s"],
                 "intendedUsers":{"people":["alice-%1$s@mis.test"],"teams":[]}}""".formatted(s));
        StringBuilder events = new StringBuilder();
        LocalDate day = LocalDate.now().minusDays(2);
        events.append(event("a1", "alice", s, "mis-" + s, "mis-" + s, day));
        for (int i = 0; i < 3; i++) {
            events.append(event("b" + i, "bob", s, "mis-" + s, null, day));
        }
        for (String name : List.of("dave", "erin", "frank", "gina", "hank")) {
            events.append(event(name.charAt(0) + "1", name, s, "mis-" + s, null, day));
        }
        // Five more use a third system (a group big enough to show, or to withhold beside Carol's).
        for (String name : List.of("ivy", "jon", "kim", "lea", "alice")) {
            events.append(event(name.charAt(0) + "3", name, s, "third-" + s, null, day));
        }
        events.append(event("c1", "carol", s, "other-" + s, null, day));
        send(post("/api/v1/usage-events").contentType("application/x-ndjson").content(events.toString()), null);
        rollups.rollUpPending();

        String report = send(get("/api/v1/insight/misaligned-use"), null);
        String mine = "$.groups[?(@.teamName == '" + team + "' && @.systemKey == 'mis-" + s + "')]";
        assertThat(JsonPath.<List<Integer>>read(report, mine + ".people")).containsExactly(6);
        assertThat(JsonPath.<List<Integer>>read(report, mine + ".events")).containsExactly(8);
        // Carol alone uses the other system: a group of one is withheld (minimum group size 5), and
        // a smaller shown group with it, so that the total minus the shown groups says nothing of her.
        String carols = "$.groups[?(@.systemKey == 'other-" + s + "')]";
        assertThat(JsonPath.<List<Boolean>>read(report, carols + ".withheld")).containsExactly(true);
        assertThat(JsonPath.<List<Integer>>read(report, carols + ".people")).containsExactly(0);
        assertThat(JsonPath.<List<List<String>>>read(report, carols + ".names")).containsExactly(List.of());
        assertThat(JsonPath.<List<String>>read(report, mine + ".suggestion.workflowKey")).containsExactly("mis-" + s);
        assertThat(JsonPath.<List<Integer>>read(report, mine + ".suggestion.teamMembersIntended")).containsExactly(1);
        // A system no workflow uses has no suggestion: it is to be registered first.
        assertThat(JsonPath.<List<Object>>read(report, "$.groups[?(@.systemKey == 'other-" + s + "')].suggestion"))
                .containsExactly((Object) null);

        send(post("/api/v1/insight/misaligned-use/rules"), """
                {"teamName":"%s","systemKey":"mis-%s","workflowKey":"mis-%s"}""".formatted(team, s, s));
        assertThat(JsonPath.<List<Boolean>>read(send(get("/api/v1/insight/misaligned-use"), null), mine + ".suggestion.ruleExists"))
                .containsExactly(true);
        String definition = send(post("/api/v1/insight/misaligned-use/intended-users"), """
                {"teamName":"%s","workflowKey":"mis-%s"}""".formatted(team, s));
        assertThat(JsonPath.<List<String>>read(definition, "$.intendedUsers.teams")).containsExactly(team);
        // Bob is now an intended user: his use is no longer misaligned once attributed to the workflow.
        var refused = mvc.perform(post("/api/v1/insight/misaligned-use/rules").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"systemKey\":\"mis-" + s + "\"}")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("teamName", "workflowKey");

        String page = mvc.perform(get("/insight/misaligned").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-system=\"mis-" + s + "\"").contains("Routing " + s);
    }

    private static String event(String id, String person, String s, String system, String workflow, LocalDate day) {
        return ("{\"id\":\"%s-%s\",\"time\":\"%sT09:00:00Z\",\"person\":\"%s-%s@mis.test\",\"system\":\"%s\"%s,"
                + "\"operation\":\"chat\",\"outcome\":\"ACCEPTED\"}\n").formatted(id, s, day, person, s, system,
                workflow == null ? "" : ",\"workflow\":\"" + workflow + "\"");
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
