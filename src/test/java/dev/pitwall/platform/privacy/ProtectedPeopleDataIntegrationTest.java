package dev.pitwall.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Protected people data with the defaults: holders of people:identify (administrators, owners,
 * contributors) see named usage data and each such view is audited; executives see pseudonyms;
 * groups smaller than five are withheld, in drill-downs, exports and team scorecards.
 */
@PitwallIntegrationTest
class ProtectedPeopleDataIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    /** Yesterday: events at 09:00 today would lie in the future before 08:00 UTC. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Pseudonyms pseudonyms;

    /** Five people tried the workflow once (level 1); one used it on three days (level 2). */
    private record Fixture(String workflow, String zed, long zedId, long smallTeam) {
    }

    private Fixture organization() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        send(post("/api/v1/teams"), "{\"name\":\"Protected " + s + "\"}", ADMIN, 201);
        long smallTeam = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"Small " + s + "\"}", ADMIN, 201),
                "$.id").longValue();
        List<String> emails = new ArrayList<>();
        long zedId = 0;
        for (int i = 0; i < 6; i++) {
            String email = "p" + i + "-" + s + "@protected.test";
            String body = """
                    {"email":"%s","name":"Protected %d %s","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(email, i, s);
            long id = JsonPath.<Number>read(send(post("/api/v1/people"), body, ADMIN, 201), "$.id").longValue();
            emails.add(email);
            zedId = id;
        }
        for (int i = 0; i < 3; i++) {
            send(post("/api/v1/people"), """
                    {"email":"s%d-%s@protected.test","name":"Small %d %s","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                    .formatted(i, s, i, s, smallTeam), ADMIN, 201);
        }
        send(post("/api/v1/ai-systems"), """
                {"key":"prot-%s","name":"Protected system","kind":"AGENT","telemetryKeys":[]}""".formatted(s), ADMIN, 201);
        String workflow = "prot-" + s;
        StringBuilder intended = new StringBuilder();
        emails.forEach(e -> intended.append(intended.isEmpty() ? "" : ",").append('"').append(e).append('"'));
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Protected workflow","stage":"PILOT","systems":["prot-%s"],
                 "intendedUsers":{"people":[%s],"teams":[]}}""".formatted(workflow, s, intended), ADMIN, 201);
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            events.append(event(s + "-" + i, TODAY, emails.get(i), s, workflow));
        }
        for (int d = 0; d < 3; d++) {
            events.append(event(s + "-zed-" + d, TODAY.minusDays(d), emails.get(5), s, workflow));
        }
        mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson").content(events.toString()))
                .andReturn();
        rollups.rollUpPending();
        return new Fixture(workflow, emails.get(5), zedId, smallTeam);
    }

    private static String event(String id, LocalDate day, String person, String s, String workflow) {
        return """
                {"id":"%s","time":"%sT09:00:00Z","person":"%s","system":"prot-%s","workflow":"%s","operation":"chat","attributes":{"user.email":"%s"}}
                """.formatted(id, day, person, s, workflow, person).trim() + "\n";
    }

    @Test
    void executivesSeePseudonymsAndSmallLevelsNotAtAll() throws Exception {
        Fixture fx = organization();
        var executive = TestUsers.create(users, Role.EXECUTIVE);
        RequestPostProcessor as = httpBasic(executive.username(), TestUsers.PASSWORD);

        String tried = send(get("/api/v1/scorecards/workflows/" + fx.workflow + "/people").param("level", "1"), null, as, 200);
        assertThat(JsonPath.<Boolean>read(tried, "$.identified")).isFalse();
        assertThat(JsonPath.<Integer>read(tried, "$.count")).isEqualTo(5);
        assertThat(JsonPath.<List<String>>read(tried, "$.people[*].name")).hasSize(5)
                .allSatisfy(n -> assertThat(n).matches("P-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        assertThat(tried).doesNotContain("@protected.test").doesNotContain("Protected ");

        String occasional = send(get("/api/v1/scorecards/workflows/" + fx.workflow + "/people").param("level", "2"), null,
                as, 200);
        assertThat(JsonPath.<Boolean>read(occasional, "$.withheld")).isTrue();
        assertThat(JsonPath.<Object>read(occasional, "$.count")).isNull();
        assertThat(JsonPath.<List<Object>>read(occasional, "$.people")).isEmpty();
        String csv = send(get("/scorecards/workflows/" + fx.workflow + "/people.csv").param("level", "2"), null, as, 200);
        assertThat(csv).contains("fewer than 5 people: withheld").doesNotContain("@protected.test");
        String page = send(get("/scorecards/workflows/" + fx.workflow + "/people").param("level", "2")
                .accept(MediaType.TEXT_HTML), null, as, 200);
        assertThat(page).contains("Fewer than 5 people are at this level").doesNotContain("Protected 5");

        // The level distribution: the level of one is withheld, and the level of five with it (six
        // intended users minus five would be the one).
        String card = send(get("/api/v1/scorecards/workflows/" + fx.workflow), null, as, 200);
        assertThat(JsonPath.<List<Boolean>>read(card, "$.levelDistribution[?(@.level in [1, 2])].withheld"))
                .containsExactly(true, true);
        assertThat(JsonPath.<List<Integer>>read(card, "$.levelDistribution[*].people")).containsOnly(0);
        assertThat(send(get("/scorecards/workflows/" + fx.workflow).accept(MediaType.TEXT_HTML), null, as, 200))
                .contains("occasional: fewer than 5");

        // Usage events: pseudonyms instead of references, no attributes, no filtering by person.
        String events = send(get("/api/v1/usage-events").param("workflow", fx.workflow).param("size", "50"), null, as, 200);
        assertThat(JsonPath.<List<String>>read(events, "$.content[*].personRef"))
                .contains(pseudonyms.of(fx.zedId)).allSatisfy(r -> assertThat(r).matches("P-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        assertThat(events).doesNotContain("@protected.test");
        send(get("/api/v1/usage-events").param("person", fx.zed), null, as, 403);
    }

    @Test
    void ownersSeeNamesAndEveryIdentifiedViewIsAudited() throws Exception {
        Fixture fx = organization();
        var owner = TestUsers.create(users, Role.OWNER);
        RequestPostProcessor as = httpBasic(owner.username(), TestUsers.PASSWORD);
        long before = auditLog.lastSequence();

        String occasional = send(get("/api/v1/scorecards/workflows/" + fx.workflow + "/people").param("level", "2"), null,
                as, 200);
        assertThat(JsonPath.<Boolean>read(occasional, "$.identified")).isTrue();
        assertThat(JsonPath.<List<String>>read(occasional, "$.people[*].email")).containsExactly(fx.zed);
        String card = send(get("/api/v1/scorecards/workflows/" + fx.workflow), null, as, 200);
        assertThat(JsonPath.<List<Integer>>read(card, "$.levelDistribution[?(@.level in [1, 2])].people"))
                .containsExactly(5, 1);
        String events = send(get("/api/v1/usage-events").param("person", fx.zed), null, as, 200);
        assertThat(JsonPath.<List<String>>read(events, "$.content[*].personRef")).containsOnly(fx.zed);

        List<Map<String, Object>> audited = auditLog.find(new AuditQuery(PeopleData.IDENTIFIED_VIEW, null,
                owner.username(), null, null, null), new PageQuery(0, 50)).content().stream()
                .filter(e -> e.sequence() > before).map(e -> JsonPath.<Map<String, Object>>read(e.after(), "$")).toList();
        assertThat(audited).hasSize(2);
        assertThat(audited).extracting(e -> e.get("kind")).containsExactlyInAnyOrder("adoption-drill-down", "usage-events");
        assertThat(audited).extracting(e -> e.get("people")).containsExactly(1, 1);
        assertThat(audited.toString()).doesNotContain(fx.zed);
    }

    @Test
    void aTeamTooSmallHasItsFiguresWithheld() throws Exception {
        Fixture fx = organization();
        String card = send(get("/api/v1/scorecards/teams/" + fx.smallTeam), null, ADMIN, 200);
        List<Map<String, Object>> figures = JsonPath.read(card, "$.figures");
        assertThat(figures).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("value")).isNull();
            assertThat((String) f.get("reason")).startsWith("fewer than 5 people");
        });
        String page = send(get("/scorecards/teams/" + fx.smallTeam).accept(MediaType.TEXT_HTML), null, ADMIN, 200);
        assertThat(page).contains("fewer than 5 people");
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as, int status)
            throws Exception {
        request.with(as);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
