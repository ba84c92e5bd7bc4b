package dev.pitwall.platform.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With local sign-in switched off, only the break-glass administrator may use a password. */
@PitwallIntegrationTest
@TestPropertySource(properties = "pitwall.identity.local-sign-in=false")
class LocalSignInSwitchedOffIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;

    @Test
    void onlyTheBreakGlassAdministratorSignsInWithAPassword() throws Exception {
        var owner = TestUsers.create(users, Role.OWNER);

        mvc.perform(formLogin("/login").user(owner.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/me").with(httpBasic(owner.username(), TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());

        mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", "test-admin-password"))).andExpect(status().isOk());
    }

    @Test
    void apiTokensOfOtherUsersStillWork() throws Exception {
        var owner = TestUsers.create(users, Role.OWNER);
        String secret = tokens.issue(owner.id(), new NewApiToken("ci", Set.of("READ"), null)).secret();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
    }

    @Test
    void theSignInPageKeepsThePasswordFormForTheBreakGlassAdministratorOnly() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Administrator sign-in with a password (break glass)")));
    }
}
