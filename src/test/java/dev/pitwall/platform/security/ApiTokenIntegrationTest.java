package dev.pitwall.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.users.UserUpdate;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@PitwallIntegrationTest
class ApiTokenIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private String issue(User user, Set<String> scopes, Instant expiresAt) {
        return tokens.issue(user.id(), new NewApiToken("test", scopes, expiresAt)).secret();
    }

    @Test
    void anonymousApiRequestsGetAProblem401WithChallenges() throws Exception {
        mvc.perform(get("/api/v1/people"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(header().stringValues("WWW-Authenticate", "Bearer realm=\"Pitwall\"", "Basic realm=\"Pitwall\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/v1/people").with(httpBasic("admin", "not-the-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCreatedThroughTheApiAuthenticatesAndIsShownOnce() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic(user.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\",\"scopes\":[\"read\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(startsWith("pwt_")))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.username").value(user.username()))
                .andExpect(jsonPath("$.tokenName").value("ci"));
        mvc.perform(get("/api/v1/tokens").with(httpBasic(user.username(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[0].secret").doesNotExist())
                .andExpect(jsonPath("$[0].prefix").value(secret.substring(0, 12)))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty());
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() {
        User user = TestUsers.create(users, Role.VIEWER);
        String secret = issue(user, Set.of("read"), null);
        String stored = jdbc.sql("SELECT token_hash FROM platform_api_token WHERE user_id = ?").param(user.id())
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(secret.substring(4));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_api_token WHERE token_hash = ? OR token_prefix = ?")
                .params(secret, secret).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE after_state LIKE ?")
                .param("%" + secret.substring(12) + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aReadTokenCannotWriteEvenForAnAdministrator() throws Exception {
        User admin = TestUsers.create(users, Role.ADMIN);
        String secret = issue(admin, Set.of("read"), null);
        mvc.perform(get("/api/v1/people").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/teams").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Nope\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + secret)).andExpect(status().isForbidden());
    }

    @Test
    void aWriteTokenCannotExceedItsUsersRole() throws Exception {
        User viewer = TestUsers.create(users, Role.VIEWER);
        String secret = issue(viewer, Set.of("read", "write", "ingest", "admin"), null);
        mvc.perform(post("/api/v1/teams").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Nope\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        String secret = issue(user, Set.of("read"), null);
        long id = tokens.listOf(user.id()).get(0).id();
        mvc.perform(delete("/api/v1/tokens/" + id).with(httpBasic(user.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    }

    @Test
    void anExpiredOrUnknownTokenDoesNotAuthenticate() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        String secret = issue(user, Set.of("read"), clock.instant().plusSeconds(1));
        jdbc.sql("UPDATE platform_api_token SET expires_at = created_at WHERE user_id = ?").param(user.id()).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer pwt_made-up")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledUsersTokensStopWorking() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        String secret = issue(user, Set.of("read"), null);
        users.update(user.id(), new UserUpdate(user.displayName(), null, Role.VIEWER, false));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
    }

    @Test
    void badTokenRequestsNameTheField() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/tokens").with(httpBasic(user.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"scopes\":[\"root\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopes"));
        mvc.perform(post("/api/v1/tokens").with(httpBasic(user.username(), TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    }

    @Test
    void aUserCannotRevokeSomeoneElsesToken() throws Exception {
        User owner = TestUsers.create(users, Role.VIEWER);
        User other = TestUsers.create(users, Role.VIEWER);
        issue(owner, Set.of("read"), null);
        long id = tokens.listOf(owner.id()).get(0).id();
        mvc.perform(delete("/api/v1/tokens/" + id).with(httpBasic(other.username(), TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("API_TOKEN_NOT_FOUND"));
    }
}
