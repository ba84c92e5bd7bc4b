package dev.pitwall.platform.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.Role;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PitwallIntegrationTest
class UserApiIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.pitwall.platform.tokens.ApiTokenService tokens;

    @Test
    void aPasswordResetByAnAdministratorEndsTheUsersSessionsAndRevokesTheirTokens() throws Exception {
        var user = TestUsers.create(users, Role.OWNER);
        String secret = tokens.issue(user.id(), new dev.pitwall.platform.tokens.NewApiToken("ci",
                java.util.Set.of("READ"), null)).secret();
        var session = mvc.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(user.username()).password(TestUsers.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());

        mvc.perform(post("/api/v1/users/" + user.id() + "/password").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"newPassword\":\"a-brand-new-password\"}")).andExpect(status().is2xxSuccessful());

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), "a-brand-new-password"))).andExpect(status().isOk());
    }

    @Test
    void createsAUserWhoCanSignIn() throws Exception {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"New Person","role":"OWNER","password":"long-enough-password"}
                        """.formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("OWNER"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        mvc.perform(get("/api/v1/me").with(httpBasic(name, "long-enough-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permissions").value(org.hamcrest.Matchers.hasItem("portfolio:write")));
    }

    @Test
    void refusesWeakPasswordsDuplicateNamesAndBadFields() throws Exception {
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"weak-one\",\"displayName\":\"W\",\"role\":\"VIEWER\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"Admin\",\"displayName\":\"A\",\"role\":\"VIEWER\",\"password\":\"long-enough-password\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"has space\",\"displayName\":\"\",\"role\":\"VIEWER\",\"password\":\"long-enough-password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("displayName", "username")));
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemoted() throws Exception {
        long adminCount = jdbc.sql("SELECT COUNT(*) FROM platform_user WHERE role = 'ADMIN' AND enabled = TRUE")
                .query(Long.class).single();
        User admin = users.findAll().stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow();
        if (adminCount == 1) {
            mvc.perform(put("/api/v1/users/" + admin.id()).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"displayName\":\"A\",\"role\":\"VIEWER\",\"enabled\":true}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("LAST_ADMIN"));
        }
        User second = TestUsers.create(users, Role.ADMIN);
        mvc.perform(put("/api/v1/users/" + second.id()).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Second\",\"role\":\"VIEWER\",\"enabled\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("VIEWER"));
    }

    @Test
    void changingAPasswordIsAuditedWithoutThePassword() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/me/password").with(httpBasic(user.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong-password!\",\"newPassword\":\"another-long-password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(post("/api/v1/me/password").with(httpBasic(user.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"%s\",\"newPassword\":\"another-long-password\"}".formatted(TestUsers.PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), "another-long-password"))).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM platform_audit_entry
                WHERE entity_type = 'USER' AND entity_id = ? AND (after_state LIKE '%another-long%' OR after_state LIKE '%bcrypt%')
                """).param(String.valueOf(user.id())).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE entity_type = 'USER' AND entity_id = ? AND after_state LIKE '%passwordChanged%'")
                .param(String.valueOf(user.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownUsersAre404() throws Exception {
        mvc.perform(get("/api/v1/users/999999").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("USER_NOT_FOUND"));
    }
}
