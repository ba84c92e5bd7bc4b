package dev.pitwall.telemetry.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.LearningRecord;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.LearningStatus;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.SkillDraft;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** xAPI statements from an LMS become learning records; the statement id makes retries safe. */
@PitwallIntegrationTest
class XapiIntegrationTest {

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
    SkillService skills;
    @Autowired
    LearningRecordService learning;

    TelemetryFixture fx;
    RequestPostProcessor lms;

    @BeforeEach
    void organization() {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        lms = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/xapi/statements").with(lms).header("X-Experience-API-Version", "1.0.3")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String sample(String name) throws Exception {
        try (InputStream in = XapiIntegrationTest.class.getResourceAsStream("/samples/xapi/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private List<LearningRecord> recordsOf(long personId) {
        return learning.list(personId, null, null, null, null, new PageQuery(0, 50)).content();
    }

    private String statement(String id, String verb, String actor, String extra) {
        return """
                {"id":"%s","timestamp":"2026-10-05T09:00:00Z","actor":%s,
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/%s","display":{"en-US":"%s"}},
                 "object":{"id":"https://lms.example/courses/ai-basics-%s","definition":{"name":{"en-US":"AI basics %s"}}}%s}"""
                .formatted(id, actor, verb, verb, fx.suffix, fx.suffix, extra);
    }

    @Test
    void theSpecificationsExamplesAreStoredAndMakeNoLearningRecord() throws Exception {
        String[][] samples = {
            {"xapi-1.0.3-appendixA-simple-statement.json", "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"},
            {"xapi-1.0.3-appendixA-attempted-with-result.json", "7ccd3322-e1a5-411a-a67d-6a735c76f119"},
            {"xapi-1.0.3-appendixA-long-statement-with-context.json", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"}};
        for (String[] sample : samples) {
            String body = sample(sample[0]);
            for (int i = 0; i < 2; i++) {
                send(body).andExpect(status().isOk())
                        .andExpect(header().string("X-Experience-API-Version", "1.0.3"))
                        .andExpect(jsonPath("$[0]").value(sample[1]));
            }
            mvc.perform(get("/api/v1/xapi/statements").with(httpBasic("admin", "test-admin-password"))
                            .header("X-Experience-API-Version", "1.0.3").param("statementId", sample[1]))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(sample[1]));
        }
        send(sample("xapi-1.0.3-appendixA-simple-statement.json").replace("simple statement", "edited statement"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STATEMENT_CONFLICT"));
    }

    @Test
    void completedPassedAndFailedBecomeLearningRecordsOfTheirActor() throws Exception {
        String skill = "Prompting " + fx.suffix;
        skills.create(new SkillDraft(skill, "AI", null));
        String completed = statement(UUID.randomUUID().toString(), "completed",
                "{\"mbox\":\"mailto:" + fx.member.email().toUpperCase() + "\"}",
                ",\"result\":{\"score\":{\"scaled\":0.9},\"completion\":true},\"context\":{\"extensions\":{"
                        + "\"https://pitwall.dev/xapi/extensions/skill\":\"" + skill + "\","
                        + "\"https://pitwall.dev/xapi/extensions/workflow\":\"" + fx.workflow + "\"}}");
        String passed = statement(UUID.randomUUID().toString(), "passed",
                "{\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"" + fx.outsider.externalId() + "\"}}",
                ",\"result\":{\"score\":{\"raw\":18,\"min\":0,\"max\":20}}");
        String stranger = statement(UUID.randomUUID().toString(), "failed", "{\"mbox\":\"mailto:stranger@lms.example\"}", "");
        send("[" + completed + "," + passed + "," + stranger + "]").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));

        assertThat(recordsOf(fx.member.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LearningStatus.COMPLETED);
            assertThat(r.course()).isEqualTo("AI basics " + fx.suffix);
            assertThat(r.score()).isEqualByComparingTo(new BigDecimal("90"));
            assertThat(r.skillName()).isEqualTo(skill);
            assertThat(r.workflowKey()).isEqualTo(fx.workflow);
            assertThat(r.completedOn()).hasToString("2026-10-05");
            assertThat(r.source()).isEqualTo("xapi");
        });
        assertThat(recordsOf(fx.outsider.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LearningStatus.PASSED);
            assertThat(r.score()).isEqualByComparingTo(new BigDecimal("90"));
        });
        send(completed).andExpect(status().isOk());
        assertThat(recordsOf(fx.member.id())).hasSize(1);
    }

    @Test
    void anInvalidStatementRefusesTheWholeRequestNamingIt() throws Exception {
        String good = statement(UUID.randomUUID().toString(), "completed", "{\"mbox\":\"mailto:" + fx.member.email() + "\"}", "");
        String noVerb = "{\"actor\":{\"mbox\":\"mailto:a@b.c\"},\"object\":{\"id\":\"x\"}}";
        send("[" + good + "," + noVerb + "]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("XAPI_INVALID"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("verb.id"));
        String unknownSkill = statement(UUID.randomUUID().toString(), "completed",
                "{\"mbox\":\"mailto:" + fx.member.email() + "\"}",
                ",\"context\":{\"extensions\":{\"https://pitwall.dev/xapi/extensions/skill\":\"No such skill\"}}");
        send("[" + good + "," + unknownSkill + "]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].reason").value(Matchers.containsString("No such skill")));
        send("{\"id\":\"not-a-uuid\",\"actor\":{\"mbox\":\"x\"},\"verb\":{\"id\":\"v\"},\"object\":{\"id\":\"o\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("id", "actor.mbox")));
        assertThat(recordsOf(fx.member.id())).isEmpty();
        mvc.perform(post("/api/v1/xapi/statements").with(lms).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("XAPI_VERSION_REQUIRED"));
        mvc.perform(post("/api/v1/xapi/statements").with(httpBasic(TestUsers.create(users, Role.VIEWER).username(),
                        TestUsers.PASSWORD)).header("X-Experience-API-Version", "1.0.3")
                        .contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isForbidden());
    }
}
