package dev.pitwall.telemetry.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Rolling up on request: once it answers, the events sent before are in the daily rollups. */
@PitwallIntegrationTest
class RollupOnRequestIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    @Test
    void eventsSentBeforeAreInTheRollupsWhenItAnswers() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(400);
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType("application/json")
                .content("{\"key\":\"ror-" + s + "\",\"name\":\"R\",\"kind\":\"AGENT\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType("application/json").content(
                "{\"email\":\"x-" + s + "@ror.test\",\"name\":\"X\",\"level\":\"PRACTITIONER\",\"tier\":\"CONSUMER\"}"))
                .andExpect(status().isCreated());
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            events.append("{\"id\":\"ror-%s-%d\",\"time\":\"%sT09:00:00Z\",\"person\":\"x-%s@ror.test\",\"system\":\"ror-%s\"}\n"
                    .formatted(s, i, day, s, s));
        }
        String answer = mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson")
                .content(events.toString())).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(answer).contains("\"accepted\":3");

        mvc.perform(post("/api/v1/usage-rollups/run").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingBatches").value(0));
        mvc.perform(get("/api/v1/usage-rollups/daily").with(ADMIN).param("from", day.toString())
                .param("to", day.toString()).param("system", "ror-" + s))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].events").value(3));

        var viewer = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/usage-rollups/run").with(httpBasic(viewer.username(), TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
