package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The technical facts besides deployments: evaluation scores posted by API, targets per AI system
 * and workflow, and reported availability — and what they do to a workflow's technical figures.
 */
@PitwallIntegrationTest
class TechnicalFactsIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate D = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    private String s;

    @BeforeEach
    void systemAndWorkflow() throws Exception {
        s = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"tf-%s\",\"name\":\"TF\",\"kind\":\"ML_MODEL\",\"telemetryKeys\":[]}".formatted(s)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"tf-%s","name":"TF","stage":"PILOT","aiGoLive":"%s","systems":["tf-%s"]}"""
                .formatted(s, D.minusDays(30), s))).andExpect(status().isCreated());
    }

    private String evaluation(String id, String time, String system, Object score) {
        return "{\"id\":\"%s\",\"time\":\"%s\",\"system\":\"%s\",\"name\":\"accuracy\",\"score\":%s}"
                .formatted(id, time, system, score);
    }

    private List<Double> figure(String id) throws Exception {
        String body = mvc.perform(get("/api/v1/scorecards/workflows/tf-" + s).with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.figures[?(@.id == '" + id + "')].value");
    }

    @Test
    void evaluationScoresPostedByApiBecomeTheQualityAndBadItemsAreNamed() throws Exception {
        String yesterday = D.minusDays(1) + "T10:00:00Z";
        String today = D + "T00:01:00Z";
        mvc.perform(post("/api/v1/evaluations").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("[" + String.join(",",
                        evaluation("a-" + s, yesterday, "tf-" + s, 0.5), evaluation("b-" + s, today, "tf-" + s, 0.8),
                        evaluation("c-" + s, today, "tf-" + s, 0.9), evaluation("d-" + s, "soon", "ghost", "\"high\"")) + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rejections[*].line").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(4))));
        // the latest day's mean: (0.8 + 0.9) / 2
        assertThat(figure("quality")).singleElement().satisfies(q -> assertThat(q).isCloseTo(0.85, within(1e-9)));
        mvc.perform(post("/api/v1/evaluations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("[" + evaluation("b-" + s, today, "tf-" + s, 0.8) + "]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duplicates").value(1));
        mvc.perform(post("/api/v1/evaluations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("[" + evaluation("e-" + s, today, "ghost-" + s, 0.8) + "]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EVALUATIONS_REJECTED"));
        mvc.perform(post("/api/v1/evaluations").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("{oops"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
        User viewer = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/evaluations").with(httpBasic(viewer.username(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden());
    }

    @Test
    void targetsAndReportedAvailabilityChangeTheTechnicalIndex() throws Exception {
        mvc.perform(post("/api/v1/evaluations").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("[" + evaluation("q-" + s, D + "T00:01:00Z", "tf-" + s, 0.72) + "]")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/ai-systems/tf-" + s + "/availability").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"day\":\"%s\",\"availability\":0.99},{\"day\":\"%s\",\"availability\":0.97}]"
                                .formatted(D.minusDays(2), D.minusDays(1))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recorded").value(2));
        // quality 0.72 / 0.9; availability (0.99 + 0.97) / 2 = 0.98 / 0.995; no deployment: 0
        assertThat(figure("availability")).singleElement().satisfies(a -> assertThat(a).isCloseTo(0.98, within(1e-9)));
        assertThat(figure("technicalIndex")).singleElement().satisfies(t ->
                assertThat(t).isCloseTo(100 * (0.72 / 0.9 + 0.98 / 0.995 + 0) / 3, within(1e-6)));

        mvc.perform(get("/api/v1/ai-systems/tf-" + s + "/targets").with(ADMIN))
                .andExpect(jsonPath("$.qualityTarget").value(0.9)).andExpect(jsonPath("$.overrides.qualityTarget").isEmpty());
        mvc.perform(put("/api/v1/ai-systems/tf-" + s + "/targets").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"qualityTarget\":0.72,\"deploymentTarget\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.qualityTarget").value(0.72))
                .andExpect(jsonPath("$.availabilityTarget").value(0.995));
        // the system's targets now: quality 0.72 -> 1; deployments 0 of 1 -> 0
        assertThat(figure("technicalIndex")).singleElement().satisfies(t ->
                assertThat(t).isCloseTo(100 * (1 + 0.98 / 0.995 + 0) / 3, within(1e-6)));
        // the workflow's own availability target wins over its system's
        mvc.perform(put("/api/v1/workflows/tf-" + s + "/targets").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"availabilityTarget\":0.98}")).andExpect(status().isOk());
        assertThat(figure("technicalIndex")).singleElement().satisfies(t ->
                assertThat(t).isCloseTo(100.0 * (1 + 1 + 0) / 3, within(1e-6)));

        mvc.perform(put("/api/v1/ai-systems/tf-" + s + "/targets").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"qualityTarget\":1.5}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qualityTarget"));
        mvc.perform(post("/api/v1/ai-systems/tf-" + s + "/availability").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"day\":\"%s\",\"availability\":0.5}]".formatted(D.plusDays(2))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("[0].day"));
        User contributor = TestUsers.create(users, Role.CONTRIBUTOR);
        mvc.perform(put("/api/v1/ai-systems/tf-" + s + "/targets").with(httpBasic(contributor.username(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }
}
