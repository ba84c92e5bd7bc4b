package dev.pitwall.platform.privacy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The installation's choices: executives may identify people and owners may not, and without
 * pseudonyms, who may not identify people does not see usage data of people at all.
 */
@PitwallIntegrationTest
@TestPropertySource(properties = {"pitwall.privacy.pseudonymous=false", "pitwall.privacy.identify-roles=ADMIN,EXECUTIVE"})
class PseudonymsSwitchedOffIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    @Test
    void whoMayNotIdentifyPeopleIsRefusedAndTheConfiguredRolesMay() throws Exception {
        var owner = TestUsers.create(users, Role.OWNER);
        var executive = TestUsers.create(users, Role.EXECUTIVE);

        mvc.perform(get("/api/v1/usage-events").with(httpBasic(owner.username(), TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/usage-events").with(httpBasic(executive.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content").isArray());
        mvc.perform(get("/api/v1/me").with(httpBasic(executive.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }
}
