package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Pulse surveys end to end on an organization built through the API: 20 people in three teams,
 * answering by one-time links without sign-in and in the app; results withheld while open, then
 * shown with every group below 5 withheld (and the next smallest, against subtraction), in the API,
 * the page and the CSV; the confidence divide computed by hand.
 */
@PitwallIntegrationTest
class PulseIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private String s;
    private String teamA;
    private String teamB;
    private String teamC;
    /** Emails by level, in order of creation. */
    private final Map<String, List<String>> byLevel = new HashMap<>();

    @BeforeEach
    void organization() throws Exception {
        s = UUID.randomUUID().toString().substring(0, 8);
        teamA = "Pulse A " + s;
        teamB = "Pulse B " + s;
        teamC = "Pulse C " + s;
        people(teamA, "PRACTITIONER", 6);
        people(teamB, "PRACTITIONER", 3);
        people(teamC, "EXECUTIVE", 5);
        people(teamC, "MANAGER", 6);
    }

    private void people(String team, String level, int count) throws Exception {
        long teamId = teamId(team);
        for (int i = 0; i < count; i++) {
            String email = "%s-%d-%s@pulse.test".formatted(level.toLowerCase(), byLevel.getOrDefault(level, List.of()).size(), s);
            send(post("/api/v1/people"), """
                    {"email":"%s","name":"Person %s","level":"%s","tier":"CONSUMER","teamId":%d}"""
                    .formatted(email, email, level, teamId), ADMIN, 201);
            byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(email);
        }
    }

    private long teamId(String team) throws Exception {
        var existing = mvc.perform(get("/api/v1/teams").with(ADMIN)).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(existing, "$[?(@.name == '" + team + "')].id");
        if (!ids.isEmpty()) {
            return ids.get(0).longValue();
        }
        return JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"" + team + "\"}", ADMIN, 201), "$.id")
                .longValue();
    }

    @Test
    void answeredByLinkAndInTheAppThenShownWithSmallGroupsWithheld() throws Exception {
        String pulse = send(post("/api/v1/insight/pulses"), """
                {"title":"Pulse %s","template":"CONFIDENCE_CHECK","population":{"teams":["%s","%s","%s"]},
                 "closesOn":"%s"}""".formatted(s, teamA, teamB, teamC, LocalDate.now().plusDays(30)), ADMIN, 201);
        long id = JsonPath.<Number>read(pulse, "$.id").longValue();
        assertThat(JsonPath.<Integer>read(pulse, "$.invited")).isEqualTo(20);

        // Two executives answer in the app, as signed-in users linked to their person by email.
        RequestPostProcessor exec0 = user("exec0", byLevel.get("EXECUTIVE").get(0), Role.VIEWER);
        RequestPostProcessor exec1 = user("exec1", byLevel.get("EXECUTIVE").get(1), Role.VIEWER);
        assertThat(page(get("/insight/pulses"), exec0)).contains("Waiting for your answer").contains("Pulse " + s);
        var inApp = mvc.perform(post("/insight/pulses/" + id + "/answer").with(exec0).with(csrf())
                .param("confidence", "5").param("roleClarity", "4")).andReturn().getResponse();
        assertThat(inApp.getStatus()).isEqualTo(302);
        var again = mvc.perform(post("/insight/pulses/" + id + "/answer").with(exec0).with(csrf())
                .param("confidence", "5").param("roleClarity", "4")).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post("/insight/pulses/" + id + "/answer").with(exec1).with(csrf())
                .param("confidence", "4").param("roleClarity", "2")).andReturn().getResponse().getStatus()).isEqualTo(302);
        RequestPostProcessor outsider = user("outsider", null, Role.VIEWER);
        assertThat(mvc.perform(post("/insight/pulses/" + id + "/answer").with(outsider).with(csrf())
                .param("confidence", "4").param("roleClarity", "2")).andReturn().getResponse().getStatus()).isEqualTo(409);

        // Links for the 18 who have not answered; issuing again replaces them.
        Map<String, String> first = links(id);
        assertThat(first).hasSize(18).doesNotContainKey(byLevel.get("EXECUTIVE").get(0));
        Map<String, String> tokens = links(id);
        String old = first.get(byLevel.get("MANAGER").get(0));
        assertThat(mvc.perform(get("/pulse/" + old)).andReturn().getResponse().getStatus()).isEqualTo(404);

        // A link's page needs no sign-in and does not name the invitee.
        String mine = byLevel.get("MANAGER").get(0);
        var form = mvc.perform(get("/pulse/" + tokens.get(mine))).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Pulse " + s).contains(PulseQuestion.ROLE_CLARITY.statement())
                .doesNotContain(mine);
        // Refused answers keep what was typed, name the field and store nothing.
        var refused = mvc.perform(post("/pulse/" + tokens.get(mine)).with(csrf()).param("roleClarity", "4")
                .param("confidence", "9")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("data-field=\"confidence\"").contains("id=\"roleClarity-4\"");
        assertThat(refused.getContentAsString()).containsPattern("id=\"roleClarity-4\"[^>]*checked");
        assertThat(mvc.perform(post("/pulse/" + tokens.get(mine)).with(csrf()).param("confidence", "3")
                .param("roleClarity", "4").param("readiness", "4")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(answersStored(id)).isEqualTo(2);

        // Confidence: executives 3 of 5 agree, managers 2 of 6, practitioners 4 of 9.
        answerByLink(tokens, byLevel.get("EXECUTIVE").subList(2, 5), List.of(4, 2, 3));
        answerByLink(tokens, byLevel.get("MANAGER"), List.of(5, 4, 3, 2, 1, 2));
        answerByLink(tokens, byLevel.get("PRACTITIONER"), List.of(5, 5, 4, 4, 3, 3, 2, 1, 1));
        assertThat(mvc.perform(post("/pulse/" + tokens.get(mine)).with(csrf()).param("confidence", "3")
                .param("roleClarity", "4")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/pulse/not-a-token")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(answersStored(id)).isEqualTo(20);
        // An answer keeps level, team and tier, never the person.
        List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = "
                + "'insight_pulse_answer'").query(String.class).list().stream().map(String::toLowerCase).toList();
        assertThat(columns).contains("level", "team_id", "tier").noneMatch(c -> c.contains("person") || c.contains("email"));

        // While open, nothing is shown: two readings a day apart would differ by one answer.
        String open = send(get("/api/v1/insight/pulses/" + id + "/results"), null, ADMIN, 200);
        assertThat(JsonPath.<Boolean>read(open, "$.shown")).isFalse();
        assertThat(JsonPath.<List<Object>>read(open, "$.breakdowns")).isEmpty();

        send(post("/api/v1/insight/pulses/" + id + "/close"), null, ADMIN, 200);
        assertThat(mvc.perform(get("/pulse/" + tokens.get(byLevel.get("MANAGER").get(0)))).andReturn().getResponse()
                .getStatus()).isIn(404, 410);

        String results = send(get("/api/v1/insight/pulses/" + id + "/results"), null, ADMIN, 200);
        assertThat(JsonPath.<Boolean>read(results, "$.shown")).isTrue();
        assertThat(JsonPath.<Integer>read(results, "$.total.answers")).isEqualTo(20);
        assertThat(JsonPath.<List<Double>>read(results, "$.total.figures[?(@.question == 'confidence')].value"))
                .containsExactly(9.0 / 20);
        String level = "$.breakdowns[?(@.dimension == 'level')].groups[?(@.name == '%s')]";
        assertThat(JsonPath.<List<Integer>>read(results, level.formatted("Executive") + ".answers")).containsExactly(5);
        assertThat(JsonPath.<List<Double>>read(results, level.formatted("Manager") + ".figures[0].value"))
                .containsExactly(2.0 / 6);
        // Team B has 3 answers: withheld; team A (6) too, or the total minus team C would give B away.
        String team = "$.breakdowns[?(@.dimension == 'team')].groups[?(@.name == '%s')]";
        assertThat(JsonPath.<List<Boolean>>read(results, team.formatted(teamB) + ".suppressed")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(results, team.formatted(teamB) + ".answers")).containsExactly((Object) null);
        assertThat(JsonPath.<List<Boolean>>read(results, team.formatted(teamA) + ".suppressed")).containsExactly(true);
        assertThat(JsonPath.<List<Integer>>read(results, team.formatted(teamC) + ".answers")).containsExactly(11);
        assertNoBreakdownRevealsASmallGroup(results, 5);

        String csv = mvc.perform(get("/insight/pulses/" + id + "/results.csv").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv.lines().filter(l -> l.contains(teamB))).allMatch(l -> l.contains(",true,"))
                .noneMatch(l -> l.contains("confidence"));
        assertThat(csv.lines().filter(l -> l.contains(teamA))).noneMatch(l -> l.contains("confidence"));
        String resultsPage = page(get("/insight/pulses/" + id), ADMIN);
        assertThat(resultsPage).contains("data-group=\"" + teamB + "\" data-suppressed=\"true\"")
                .contains("data-group=\"" + teamC + "\" data-suppressed=\"false\"");

        // The divide: 60 % of executives against 33.3 % of managers agree, 26.7 points.
        String divide = send(get("/api/v1/insight/confidence-divide"), null, ADMIN, 200);
        String point = "$.pulses[?(@.pulseId == " + id + ")]";
        assertThat(JsonPath.<List<Double>>read(divide, point + ".levels[?(@.level == 'EXECUTIVE')].agreeingShare"))
                .containsExactly(0.6);
        assertThat(JsonPath.<List<Double>>read(divide, point + ".divide").get(0)).isCloseTo(100 * (0.6 - 2.0 / 6),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(page(get("/insight/pulses"), ADMIN)).contains("data-pulse=\"" + id + "\"").contains("27 points");
    }

    @Test
    void aPulseRefusesWhatDoesNotExistNamingTheFieldAndRolesAreChecked() throws Exception {
        var refused = mvc.perform(post("/api/v1/insight/pulses").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Bad","template":"CONFIDENCE_CHECK","population":{"teams":["no such team %s"],
                         "levels":["BOSS"],"workflow":"no-such-%s"},"closesOn":"%s"}"""
                        .formatted(s, s, LocalDate.now().plusDays(3)))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("population.teams[0]", "population.levels[0]", "population.workflow");
        var past = mvc.perform(post("/api/v1/insight/pulses").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Late\",\"template\":\"CONFIDENCE_CHECK\",\"closesOn\":\"2020-01-01\"}"))
                .andReturn().getResponse();
        assertThat(past.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(past.getContentAsString(), "$.errors[*].field")).containsExactly("closesOn");
        var noTemplate = mvc.perform(post("/api/v1/insight/pulses").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"x\",\"closesOn\":\"%s\"}".formatted(LocalDate.now().plusDays(3))))
                .andReturn().getResponse();
        assertThat(noTemplate.getStatus()).isEqualTo(400);
        assertThat(noTemplate.getContentAsString()).contains("template");

        RequestPostProcessor viewer = user("viewer", null, Role.VIEWER);
        String body = "{\"title\":\"x\",\"template\":\"CONFIDENCE_CHECK\",\"closesOn\":\"%s\"}"
                .formatted(LocalDate.now().plusDays(3));
        assertThat(mvc.perform(post("/api/v1/insight/pulses").with(viewer).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/insight/pulses").with(viewer)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/insight/pulses")).andReturn().getResponse().getStatus()).isEqualTo(401);

        // The form keeps what was typed when refused.
        var page = mvc.perform(post("/insight/pulses").with(ADMIN).with(csrf()).param("title", "Kept " + s)
                .param("template", "READINESS_CHECK").param("closesOn", "2020-01-01").param("teams", teamA)
                .param("levels", "MANAGER")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("value=\"Kept " + s + "\"").contains("data-field=\"closesOn\"")
                .containsPattern("value=\"READINESS_CHECK\"[^>]*selected").containsPattern("id=\"level-MANAGER\"[^>]*checked");
    }

    /** Whatever is shown of a breakdown, the total minus the shown groups is never a group below the minimum. */
    static void assertNoBreakdownRevealsASmallGroup(String results, int minimum) {
        int total = JsonPath.<Integer>read(results, "$.total.answers");
        List<Map<String, Object>> breakdowns = JsonPath.read(results, "$.breakdowns");
        for (Map<String, Object> breakdown : breakdowns) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) breakdown.get("groups");
            int shown = groups.stream().filter(g -> g.get("answers") != null).mapToInt(g -> (Integer) g.get("answers")).sum();
            groups.stream().filter(g -> g.get("answers") != null)
                    .forEach(g -> assertThat((Integer) g.get("answers")).isGreaterThanOrEqualTo(minimum));
            assertThat(total - shown == 0 || total - shown >= minimum).as(breakdown.get("dimension").toString()).isTrue();
        }
    }

    private void answerByLink(Map<String, String> tokens, List<String> emails, List<Integer> confidence) throws Exception {
        for (int i = 0; i < emails.size(); i++) {
            var response = mvc.perform(post("/pulse/" + tokens.get(emails.get(i))).with(csrf())
                    .param("confidence", String.valueOf(confidence.get(i))).param("roleClarity", "3")).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("Thank you");
        }
    }

    private Map<String, String> links(long id) throws Exception {
        String links = send(post("/api/v1/insight/pulses/" + id + "/links"), null, ADMIN, 200);
        List<Map<String, String>> list = JsonPath.read(links, "$");
        Map<String, String> tokens = new HashMap<>();
        list.forEach(l -> tokens.put(l.get("email"), l.get("link").substring(l.get("link").lastIndexOf('/') + 1)));
        return tokens;
    }

    private int answersStored(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM insight_pulse_answer WHERE pulse_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    private RequestPostProcessor user(String name, String email, Role role) {
        String username = name + "-" + s;
        users.create(new NewUser(username, name, email == null ? username + "@nobody.test" : email, role,
                "pulse-password-1"));
        return httpBasic(username, "pulse-password-1");
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as, int status)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
