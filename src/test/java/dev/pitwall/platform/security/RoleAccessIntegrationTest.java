package dev.pitwall.platform.security;

import static dev.pitwall.platform.security.Role.ADMIN;
import static dev.pitwall.platform.security.Role.CONTRIBUTOR;
import static dev.pitwall.platform.security.Role.EXECUTIVE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The role rules of docs/security.md, checked for every role through the API and the UI. */
@PitwallIntegrationTest
class RoleAccessIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    private int api(User user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user.username(), TestUsers.PASSWORD))).andReturn().getResponse().getStatus();
    }

    /** Signs in with the form; the answer's session cookie carries the session (kept in the database). */
    private Cookie signIn(User user) throws Exception {
        return java.util.Objects.requireNonNull(mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrlPattern("/**"))
                .andReturn().getResponse().getCookie("SESSION"));
    }

    private int ui(Cookie session, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(session).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus();
    }

    private static int expect(Role role, Set<Role> allowed, int success) {
        return allowed.contains(role) ? success : 403;
    }

    private static String uniqueTeam() {
        return "{\"name\":\"Team " + UUID.randomUUID() + "\"}";
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void apiEnforcesEachRole(Role role) throws Exception {
        User user = TestUsers.create(users, role);
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        soft.assertThat(api(user, get("/api/v1/people"))).as("read people").isEqualTo(200);
        soft.assertThat(api(user, get("/api/v1/tokens"))).as("own tokens").isEqualTo(200);
        soft.assertThat(api(user, post("/api/v1/teams").contentType(MediaType.APPLICATION_JSON).content(uniqueTeam())))
                .as("create team").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 201));
        soft.assertThat(api(user, post("/api/v1/people/import").contentType("text/csv")
                        .content("email,name\n" + UUID.randomUUID() + "@role.test,Role Test\n")))
                .as("import people").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 200));
        soft.assertThat(api(user, get("/api/v1/workflows"))).as("read portfolio").isEqualTo(200);
        soft.assertThat(api(user, post("/api/v1/initiatives").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Role " + UUID.randomUUID() + "\",\"objective\":\"o\",\"stage\":\"ACTIVE\"}")))
                .as("create initiative").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 201));
        soft.assertThat(api(user, get("/api/v1/audit"))).as("audit log")
                .isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE), 200));
        soft.assertThat(api(user, get("/api/v1/users"))).as("users").isEqualTo(expect(role, Set.of(ADMIN), 200));
        soft.assertThat(api(user, get("/api/v1/organization"))).as("read organization").isEqualTo(200);
        soft.assertThat(api(user, put("/api/v1/organization").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Role test organization\",\"currency\":\"EUR\"}")))
                .as("change organization").isEqualTo(expect(role, Set.of(ADMIN), 200));
        soft.assertThat(api(user, get("/actuator/prometheus"))).as("metrics").isEqualTo(expect(role, Set.of(ADMIN), 200));
        soft.assertThat(api(user, post("/api/v1/workflows/no-such-workflow/operating-reviews")
                        .contentType(MediaType.APPLICATION_JSON).content("{}")))
                .as("record an operating review").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 404));
        soft.assertThat(api(user, post("/api/v1/review-actions/999999999/done")))
                .as("mark a review action done").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 404));
        soft.assertThat(api(user, get("/api/v1/operating-reviews/schedule"))).as("review schedule").isEqualTo(200);
        soft.assertThat(api(user, post("/api/v1/review-items/999999999/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ACCEPTED\"}")))
                .as("decide a review item").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 404));
        soft.assertThat(api(user, get("/api/v1/review-items/999999999")))
                .as("read a review item").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 404));
        soft.assertThat(api(user, post("/api/v1/review-items").contentType(MediaType.APPLICATION_JSON).content("{}")))
                .as("submit a review item").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 400));
        soft.assertThat(api(user, get("/api/v1/subscriptions"))).as("notification subscriptions")
                .isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 200));
        soft.assertThat(api(user, post("/api/v1/deliveries/999999999/replay"))).as("replay a dead letter")
                .isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 404));
        // Insight reads: every role (portfolio:read, directory:read); a token without the read scope is refused.
        for (String path : List.of("/api/v1/insight/effects", "/api/v1/insight/redesign", "/api/v1/insight/skill-gaps",
                "/api/v1/insight/expectations", "/api/v1/insight/pulses", "/api/v1/insight/pulse-templates",
                "/api/v1/insight/confidence-divide", "/api/v1/insight/explanations")) {
            soft.assertThat(api(user, get(path))).as(path).isEqualTo(200);
        }
        soft.assertThat(api(user, put("/api/v1/insight/workflows/no-such-workflow/expectation")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kpi\":\"Hours\",\"expectedEffect\":-1,\"horizonMonths\":6}")))
                .as("record an expectation").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 404));
        soft.assertThat(api(user, post("/api/v1/kpis/999999999/team-measurements").contentType(MediaType.APPLICATION_JSON)
                .content("[]"))).as("record values per team").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 404));
        soft.assertThat(api(user, put("/api/v1/workflows/no-such-workflow/team-go-lives").contentType(MediaType.APPLICATION_JSON)
                .content("[]"))).as("set team go-lives").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER, CONTRIBUTOR), 404));
        soft.assertThat(api(user, post("/api/v1/insight/pulses").contentType(MediaType.APPLICATION_JSON).content("{}")))
                .as("send a pulse").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 400));
        soft.assertThat(api(user, post("/api/v1/insight/pulses/999999999/links")))
                .as("issue pulse links").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 404));
        soft.assertThat(api(user, post("/api/v1/insight/pulses/999999999/close")))
                .as("close a pulse").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 404));
        // Board packs: everyone reads them; executives, owners and administrators make them and subscribe.
        soft.assertThat(api(user, get("/api/v1/board-packs"))).as("board packs").isEqualTo(200);
        soft.assertThat(api(user, get("/api/v1/board-packs/999999999/verification"))).as("verify a pack").isEqualTo(404);
        soft.assertThat(api(user, post("/api/v1/board-packs").contentType(MediaType.APPLICATION_JSON).content("{}")))
                .as("make a board pack").isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE, Role.OWNER), 400));
        soft.assertThat(api(user, get("/api/v1/board-pack-subscriptions"))).as("board pack subscriptions")
                .isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE, Role.OWNER), 200));
        soft.assertThat(api(user, get("/api/v1/saved-views"))).as("saved views").isEqualTo(200);
        soft.assertThat(api(user, post("/api/v1/saved-views").contentType(MediaType.APPLICATION_JSON).content("{}")))
                .as("save a view").isEqualTo(400);
        soft.assertThat(api(user, get("/api/v1/insight/misaligned-use"))).as("misaligned use names people")
                .isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE, Role.OWNER, CONTRIBUTOR), 200));
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void uiEnforcesEachRole(Role role) throws Exception {
        User user = TestUsers.create(users, role);
        Cookie session = signIn(user);
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        soft.assertThat(ui(session, get("/"))).as("home").isEqualTo(200);
        soft.assertThat(ui(session, get("/people"))).as("directory").isEqualTo(200);
        soft.assertThat(ui(session, get("/teams"))).as("teams").isEqualTo(200);
        soft.assertThat(ui(session, get("/account"))).as("account").isEqualTo(200);
        soft.assertThat(ui(session, get("/people/new"))).as("person form")
                .isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 200));
        soft.assertThat(ui(session, get("/people/import"))).as("import page")
                .isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 200));
        soft.assertThat(ui(session, post("/teams").with(csrf()).param("name", "UI Team " + UUID.randomUUID())))
                .as("create team").isEqualTo(expect(role, Set.of(ADMIN, CONTRIBUTOR), 302));
        soft.assertThat(ui(session, get("/portfolio"))).as("portfolio").isEqualTo(200);
        soft.assertThat(ui(session, get("/portfolio/workflows/new"))).as("workflow form")
                .isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 200));
        soft.assertThat(ui(session, get("/audit"))).as("audit page").isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE), 200));
        soft.assertThat(ui(session, get("/admin/users"))).as("users page").isEqualTo(expect(role, Set.of(ADMIN), 200));
        soft.assertThat(ui(session, get("/admin/organization"))).as("organization page")
                .isEqualTo(expect(role, Set.of(ADMIN), 200));
        soft.assertThat(mvc.perform(get("/people/suggestions").param("q", "ad").cookie(session)
                .accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus()).as("person picker").isEqualTo(200);
        String key = "role-ui-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/workflows").with(httpBasic("admin", "test-admin-password"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"name\":\"Role UI\",\"stage\":\"IDEA\"}"));
        soft.assertThat(ui(session, get("/portfolio/workflows/" + key + "/edit"))).as("workflow edit form")
                .isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 200));
        soft.assertThat(ui(session, post("/portfolio/workflows/" + key + "/rights/all").with(csrf())
                        .param("note.SUPPORT_OWNER", "by role " + role)))
                .as("assign all rights").isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 302));
        soft.assertThat(ui(session, get("/board"))).as("board").isEqualTo(200);
        soft.assertThat(ui(session, post("/board/packs").with(csrf()).param("period", "1999-13"))).as("make a pack")
                .isEqualTo(expect(role, Set.of(ADMIN, EXECUTIVE, Role.OWNER), 400));
        soft.assertThat(ui(session, get("/scorecards/workflows/" + key + "/kpis/new"))).as("KPI form")
                .isEqualTo(expect(role, Set.of(ADMIN, Role.OWNER), 200));
        soft.assertAll();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/people").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        Cookie session = signIn(TestUsers.create(users, ADMIN));
        mvc.perform(post("/teams").cookie(session).param("name", "No CSRF " + UUID.randomUUID()))
                .andExpect(status().isForbidden());
    }

    @Test
    void disablingAUserEndsTheirOpenSession() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        Cookie session = signIn(user);
        mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        users.update(user.id(), new dev.pitwall.platform.users.UserUpdate(user.displayName(), null, Role.VIEWER, false));
        mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?expired"));
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        users.update(user.id(), new dev.pitwall.platform.users.UserUpdate(user.displayName(), null, Role.VIEWER, false));
        mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrlPattern("/login?error*"));
    }
}
