package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Evaluation events through OTLP/HTTP logs. */
@PitwallIntegrationTest
class OtlpLogsIntegrationTest {

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

    TelemetryFixture fx;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private static String record(String spanId, String attributes) {
        return """
                {"timeUnixNano":"1764000000000000000","traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"%s",
                 "eventName":"gen_ai.evaluation.result","attributes":[%s]}""".formatted(spanId, attributes);
    }

    private static String attr(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":" + value + "}";
    }

    @Test
    void theOfficialLogsExampleIsSkippedAndAcceptedWithAnEmptyResponse() throws Exception {
        byte[] example;
        try (InputStream in = getClass().getResourceAsStream("/samples/otlp/otlp-proto-v1.11.0-logs.json")) {
            example = in.readAllBytes();
        }
        mvc.perform(post("/otlp/v1/logs").with(contributor).contentType(MediaType.APPLICATION_JSON).content(example))
                .andExpect(status().isOk()).andExpect(content().json("{}"));
    }

    @Test
    void evaluationsBecomeScoresOfTheirSystemAndBadOnesArePartialSuccess() throws Exception {
        String spanSuffix = fx.suffix.substring(0, 8);
        String body = """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
                 "scopeLogs":[{"logRecords":[%s,%s,%s,%s,%s]}]}]}""".formatted(fx.serviceName,
                record("00000000" + spanSuffix, attr("gen_ai.evaluation.name", "{\"stringValue\":\"faithfulness\"}") + ","
                        + attr("gen_ai.evaluation.score.value", "{\"doubleValue\":0.25}")),
                record("11111111" + spanSuffix, attr("gen_ai.evaluation.name", "{\"stringValue\":\"faithfulness\"}") + ","
                        + attr("gen_ai.evaluation.score.label", "{\"stringValue\":\"pass\"}") + ","
                        + attr("pitwall.workflow", "{\"stringValue\":\"" + fx.workflow + "\"}")),
                record("22222222" + spanSuffix, attr("gen_ai.evaluation.score.value", "{\"doubleValue\":1}")),
                record("33333333" + spanSuffix, attr("gen_ai.evaluation.name", "{\"stringValue\":\"x\"}") + ","
                        + attr("pitwall.system", "{\"stringValue\":\"no-such-system\"}") + ","
                        + attr("gen_ai.evaluation.score.value", "{\"doubleValue\":1}")),
                "{\"timeUnixNano\":\"1764000000000000000\",\"body\":{\"stringValue\":\"just a log\"}}");
        mvc.perform(post("/otlp/v1/logs").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partialSuccess.rejectedLogRecords").value("2"))
                .andExpect(jsonPath("$.partialSuccess.errorMessage").value(Matchers.allOf(
                        Matchers.containsString("#3 gen_ai.evaluation.name"), Matchers.containsString("no-such-system"))));
        mvc.perform(post("/otlp/v1/logs").with(contributor).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        RequestPostProcessor admin = httpBasic("admin", "test-admin-password");
        mvc.perform(get("/api/v1/evaluations").with(admin).param("system", fx.system))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[?(@.scoreLabel == 'pass')].workflowKey").value(Matchers.contains(fx.workflow)));
        String summary = mvc.perform(get("/api/v1/evaluations/summary").with(admin).param("from", "2025-11-24")
                .param("to", "2025-11-24")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<Object>>read(summary,
                "$[?(@.systemKey == '" + fx.system + "')].meanScore")).containsExactly(0.25);
    }
}
