package dev.pitwall.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.testing.PitwallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Actuator endpoints and error answers, for API clients and for people. */
@PitwallIntegrationTest
class OperationsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    dev.pitwall.platform.users.UserService users;

    @Test
    void healthIsOpenForLoadBalancersWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void healthComponentsAreForAdministratorsOnly() throws Exception {
        var viewer = dev.pitwall.testing.TestUsers.create(users, dev.pitwall.platform.security.Role.VIEWER);
        mvc.perform(get("/actuator/health").with(httpBasic(viewer.username(), dev.pitwall.testing.TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.databaseWrites.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness").with(httpBasic("admin", "test-admin-password")))
                .andExpect(jsonPath("$.components.databaseWrites.status").value("UP"));
    }

    @Test
    void metricsAndInfoNeedAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/info").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.java.version").exists());
    }
}
