package dev.pitwall.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Findings of the security review of the landed product, each with the request that showed it. */
@PitwallIntegrationTest
class SecurityFindingsIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    @Test
    void aRoleWithoutThePermissionIsRefusedBeforeItsBodyIsRead() throws Exception {
        var viewer = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/users").with(httpBasic(viewer.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors").doesNotExist());
        mvc.perform(post("/api/v1/users").with(httpBasic(viewer.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isForbidden());
    }

    @Test
    void repeatingAnIdenticalPutAnswersTheSameAgain() throws Exception {
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"same-put\",\"name\":\"Same\",\"kind\":\"AGENT\",\"telemetryKeys\":[]}"))
                .andExpect(status().isCreated());
        for (int i = 0; i < 2; i++) {
            mvc.perform(put("/api/v1/ai-systems/same-put/targets").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"qualityTarget\":0.8,\"availabilityTarget\":0.99}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.qualityTarget").value(0.8));
        }
    }

    @Test
    void modelsThatDoNotFitTheirColumnTogetherAreNamed() throws Exception {
        StringBuilder models = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            models.append(i == 0 ? "" : ",").append('"').append(String.valueOf((char) ('a' + i)).repeat(100)).append('"');
        }
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"many-models\",\"name\":\"M\",\"kind\":\"AGENT\",\"models\":[" + models + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("models"));
    }

    @Test
    void anXapiScoreWrittenAsTextIsRefused() throws Exception {
        mvc.perform(post("/api/v1/xapi/statements").with(ADMIN).header("X-Experience-API-Version", "1.0.3")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"id":"0b9e1c0e-0000-4000-8000-000000000001","actor":{"mbox":"mailto:nobody@nowhere.test"},
                         "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},"object":{"id":"http://x.test/course"},
                         "result":{"score":{"scaled":"NaN"}},"timestamp":"2026-01-01T00:00:00Z"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("result.score.scaled"));
    }
}
