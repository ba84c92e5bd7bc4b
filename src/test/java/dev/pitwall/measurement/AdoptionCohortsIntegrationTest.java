package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A workflow's adoption by cohort of GitHub's AI adoption phase: seven intended users, four code
 * first and two multi-agent by their GitHub user-days (which are also their use of the workflow's
 * GitHub Copilot system), one never seen; reach and depth per cohort as computed by hand, and the
 * cohorts withheld for a viewer without people:identify.
 */
@PitwallIntegrationTest
class AdoptionCohortsIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as, int status)
            throws Exception {
        if (body != null) {
            // One JSON object, or NDJSON lines (usage events, GitHub user-days).
            request.contentType(body.startsWith("{\"id\"") || body.startsWith("{\"day\"")
                    ? MediaType.parseMediaType("application/x-ndjson") : MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    @Test
    void eachPhaseCohortHasTheWorkflowsReachAndDepthAmongItsIntendedUsers() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String key = "phases-" + s;
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        send(post("/api/v1/ai-systems"), "{\"key\":\"gh-%s\",\"name\":\"Copilot %s\",\"kind\":\"SAAS_COPILOT\"}"
                .formatted(s, s), ADMIN, 201);
        List<String> emails = new ArrayList<>();
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            String login = "dev" + i + "-" + s;
            emails.add("\"" + login + "@cohort.test\"");
            send(post("/api/v1/people"), """
                    {"email":"%s@cohort.test","externalId":"%s","name":"Dev %d","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(login, login, i), ADMIN, 201);
            if (i < 6) {
                days.append("{\"day\":\"%s\",\"user_id\":%d,\"user_login\":\"%s\",\"ai_adoption_phase\":{\"phase_number\":%d}}\n"
                        .formatted(day, 990_000 + i, login, i < 4 ? 1 : 3));
            }
        }
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Coding %s","stage":"PILOT","systems":["gh-%s"],
                 "intendedUsers":{"people":[%s],"teams":[]}}""".formatted(key, s, s, String.join(",", emails)),
                ADMIN, 201);
        send(post("/api/v1/imports/github-copilot").param("system", "gh-" + s), days.toString(), ADMIN, 200);
        // The workflow's own use (GitHub's user-days name no workflow): dev0 (code first) on two days, dev4
        // (multi-agent) on one.
        String use = """
                {"id":"c0a-%1$s","time":"%2$sT09:00:00Z","person":"dev0-%1$s@cohort.test","system":"gh-%1$s","workflow":"%3$s"}
                {"id":"c0b-%1$s","time":"%4$sT09:00:00Z","person":"dev0-%1$s@cohort.test","system":"gh-%1$s","workflow":"%3$s"}
                {"id":"c4a-%1$s","time":"%2$sT10:00:00Z","person":"dev4-%1$s@cohort.test","system":"gh-%1$s","workflow":"%3$s"}
                """.formatted(s, day, key, day.minusDays(1));
        send(post("/api/v1/usage-events"), use, ADMIN, 200);
        rollups.rollUpPending();

        DocumentContext cohorts = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key + "/adoption-phases"),
                null, ADMIN, 200));
        assertThat(cohorts.<Integer>read("$.intendedUsers")).isEqualTo(7);
        assertThat(cohorts.<Boolean>read("$.classified")).isTrue();
        assertThat(cohorts.<List<String>>read("$.cohorts[*].phase")).containsExactly("no cohort", "code first",
                "agent first", "multi-agent", "unclassified");
        assertThat(cohorts.<List<Integer>>read("$.cohorts[*].people")).containsExactly(0, 4, 0, 2, 1);
        // Code first: dev0 at level 2 (two days) of four, so reach 1/4 and depth (2/4)/4; multi-agent: dev4 at
        // level 1 of two, reach 1/2 and depth (1/4)/2; the one GitHub never saw used the workflow not at all.
        assertThat(cohorts.<List<Double>>read("$.cohorts[?(@.phase == 'code first')].reach")).containsExactly(0.25);
        assertThat(cohorts.<List<Double>>read("$.cohorts[?(@.phase == 'code first')].adoptionDepth").get(0))
                .isCloseTo(0.125, within(1e-12));
        assertThat(cohorts.<List<Double>>read("$.cohorts[?(@.phase == 'multi-agent')].reach")).containsExactly(0.5);
        assertThat(cohorts.<List<Double>>read("$.cohorts[?(@.phase == 'multi-agent')].adoptionDepth").get(0))
                .isCloseTo(0.125, within(1e-12));
        assertThat(cohorts.<List<Double>>read("$.cohorts[?(@.phase == 'unclassified')].reach")).containsExactly(0.0);

        // Cohorts of four, two and one would each describe fewer than five people: all withheld.
        var executive = httpBasic(TestUsers.create(users, Role.EXECUTIVE).username(), TestUsers.PASSWORD);
        DocumentContext seen = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key + "/adoption-phases"),
                null, executive, 200));
        assertThat(seen.<List<Boolean>>read("$.cohorts[*].withheld")).containsExactly(false, true, false, true, true);
        assertThat(seen.<List<Object>>read("$.cohorts[?(@.withheld == true)].reach")).hasSize(3).containsOnlyNulls();
        assertThat(seen.<List<Object>>read("$.cohorts[?(@.withheld == true)].people")).hasSize(3).containsOnlyNulls();

        String page = send(get("/scorecards/workflows/" + key).accept(MediaType.TEXT_HTML), null, ADMIN, 200);
        assertThat(page).contains("id=\"phase-cohorts\"", "data-phase=\"multi-agent\"");
    }
}
