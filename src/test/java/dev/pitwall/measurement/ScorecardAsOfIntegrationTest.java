package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;


import java.time.LocalDate;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An organization built over 100 days through the public API, with the clock moved to each day a
 * change happens, then scored at three dates around a promotion (D−30) and a pipeline completion
 * (D−20), and today after its measurement contract and intended users changed. Every figure is
 * computed by hand below. What "as of" means for each input is in docs/metrics.md.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
@TestPropertySource(properties = "pitwall.measurement.window-days=28")
class ScorecardAsOfIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate D = LocalDate.now(ZoneOffset.UTC);
    private static final double EPS = 1e-9;


    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body, ADMIN);
    }

    private void on(int daysBeforeToday) {
        clock.set(D.minusDays(daysBeforeToday));
    }

    @Test
    void scorecardsAtPastDatesSeeTheOperatingModelOfThoseDates() throws Exception {
        build();

        // D1 = D-35: before the promotion and the CLEAN completion.
        DocumentContext org1 = org(D.minusDays(35));
        assertThat(org1.<List<String>>read("$.figures[?(@.id == 'realizedImpact')].reason").get(0))
                .isEqualTo("no workflow in production");
        assertThat(org1.<List<Object>>read("$.figures[?(@.id == 'strandedCapital')].value").get(0)).isNull();
        assertThat(org1.<String>read("$.workflows[0].stage")).isEqualTo("PILOT");
        assertThat(figure(org1, "pipelineLag")).isEqualTo(0.0);
        Map<String, Double> wf1 = workflowFigures(D.minusDays(35));
        // window [D-62, D-35]: u1 on 2 days (level 2), u2 none; c = 90 (D-50)
        assertThat(wf1.get("adoptionDepth")).isCloseTo((0.5 + 0) / 2, within(EPS));
        assertThat(wf1.get("reach")).isCloseTo(0.5, within(EPS));
        assertThat(wf1.get("realizedImpact")).isCloseTo(-(90 - 100) * 10.0, within(EPS));
        assertThat(wf1.get("targetImpact")).isCloseTo(-(60 - 100) * 10.0, within(EPS));
        assertThat(wf1).doesNotContainKey("strandedCapital");

        // D2 = D-25: in production since D-30; CLEAN not done yet.
        DocumentContext org2 = org(D.minusDays(25));
        // window [D-52, D-25]: u1 2 days (0.5), u2 1 day (0.25); c = mean(90, 80) = 85
        assertThat(figure(org2, "adoptionDepth")).isCloseTo(0.375, within(EPS));
        assertThat(figure(org2, "realizedImpact")).isCloseTo(150, within(EPS));
        assertThat(figure(org2, "realization")).isCloseTo(150.0 / 400, within(EPS));
        assertThat(figure(org2, "strandedCapital")).isCloseTo(1000 * (1 - 0.375), within(EPS));
        assertThat(figure(org2, "pipelineLag")).isEqualTo(0.0);
        assertThat(org2.<String>read("$.workflows[0].stage")).isEqualTo("PRODUCTION");

        // D3 = D-10: after both. window [D-37, D-10]: u1 on D-19..D-10 = 10 days (level 3, 0.75),
        // u2 on D-26 (0.25); c = 80 (D-25).
        DocumentContext org3 = org(D.minusDays(10));
        assertThat(figure(org3, "adoptionDepth")).isCloseTo(0.5, within(EPS));
        assertThat(figure(org3, "realizedImpact")).isCloseTo(200, within(EPS));
        assertThat(figure(org3, "targetImpact")).isCloseTo(400, within(EPS));
        assertThat(figure(org3, "strandedCapital")).isCloseTo(500, within(EPS));
        assertThat(figure(org3, "pipelineLag")).isEqualTo(1.0);

        // Today: the target became 50 and u2 is no longer an intended user. window [D-27, D]:
        // u1 on D-19..D-3 = 17 days (level 4); c = mean(80 (D-25), 70 (D-5)) = 75
        DocumentContext today = org(D);
        assertThat(figure(today, "adoptionDepth")).isCloseTo(1.0, within(EPS));
        assertThat(figure(today, "realizedImpact")).isCloseTo(250, within(EPS));
        assertThat(figure(today, "targetImpact")).isCloseTo(500, within(EPS));
        assertThat(figure(today, "strandedCapital")).isCloseTo(0, within(EPS));
        // ... while D-10 still sees the contract and the intended users of D-10.
        assertThat(workflowFigures(D.minusDays(10)).get("targetImpact")).isCloseTo(400, within(EPS));
        assertThat(workflowFigures(D.minusDays(10)).get("reach")).isCloseTo(1.0, within(EPS));

        // Tomorrow today is a past date, read from the workflow's versions: the one recorded today
        // (u1 alone, level 4), though D-10, asked first, read and kept parsed the one before
        // (with u2, whose one day in [D-27, D] would make it (1 + 0.25) / 2).
        on(-1);
        try {
            person("later"); // a change to the operating model: scorecards are computed again
            assertThat(workflowFigures(D.minusDays(10)).get("adoptionDepth")).isCloseTo(0.5, within(EPS));
            assertThat(workflowFigures(D).get("adoptionDepth")).isCloseTo(1.0, within(EPS));
            assertThat(figure(org(D), "adoptionDepth")).isCloseTo(1.0, within(EPS));
            assertThat(workflowFigures(D.minusDays(10)).get("adoptionDepth")).isCloseTo(0.5, within(EPS));
        } finally {
            on(0); // the clock is shared with the other tests of this context
        }
    }

    /** The organization, changed on the days its history says. */
    private void build() throws Exception {
        on(100);
        long owner = person("owner");
        person("u1");
        person("u2");
        users.create(new NewUser("asof-owner", "Owner", "owner@asof.test", Role.OWNER, "asof-owner-password"));
        send(post("/api/v1/ai-systems"), "{\"key\":\"asof-sys\",\"name\":\"AsOf\",\"kind\":\"AGENT\",\"telemetryKeys\":[]}");
        long initiative = ((Number) JsonPath.read(send(post("/api/v1/initiatives"), """
                {"name":"AsOf","objective":"Fewer hours","sponsorId":%d,"stage":"ACTIVE"}""".formatted(owner)), "$.id"))
                .longValue();
        StringBuilder rights = new StringBuilder();
        for (dev.pitwall.portfolio.DecisionRight right : dev.pitwall.portfolio.DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"owner@asof.test\"");
        }
        send(post("/api/v1/workflows"), """
                {"key":"asof","name":"AsOf workflow","initiative":"AsOf","stage":"IDEA","systems":["asof-sys"],
                 "decisionRights":{%s},"intendedUsers":{"people":["u1@asof.test","u2@asof.test"],"teams":[]}}"""
                .formatted(rights));
        long kpi = ((Number) JsonPath.read(send(post("/api/v1/workflows/asof/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "baselineValue":100,"baselineFrom":"%s","baselineTo":"%s","target":60,"valuePerUnit":10,
                 "owner":"owner@asof.test","cadence":"MONTHLY"}""".formatted(D.minusDays(200), D.minusDays(120))),
                "$.id")).longValue();
        send(post("/api/v1/initiatives/" + initiative + "/budget-lines"), """
                {"category":"INFRASTRUCTURE","description":"Platform","amount":1000,"spentOn":"%s"}"""
                .formatted(D.minusDays(100)));
        pipeline(initiative, "COLLECT", "IN_PROGRESS", 100, null);
        pipeline(initiative, "MAP_SKILLS", "IN_PROGRESS", 100, null);

        on(60);
        send(post("/api/v1/workflows/asof/stage"), "{\"stage\":\"PILOT\",\"reason\":\"AI goes live\"}");
        on(50);
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":90}".formatted(D.minusDays(50)));
        pipeline(initiative, "MAP_SKILLS", "DONE", 100, 50);
        on(40);
        pipeline(initiative, "COLLECT", "DONE", 100, 40);
        pipeline(initiative, "CLEAN", "IN_PROGRESS", 40, null);
        on(30);
        send(post("/api/v1/workflows/asof/waivers"), "{\"reason\":\"Contract ready, training follows\",\"expiresOn\":\"%s\"}"
                .formatted(D.plusDays(60)), httpBasic("asof-owner", "asof-owner-password"));
        send(post("/api/v1/workflows/asof/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"go-live\"}");
        on(25);
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":80}".formatted(D.minusDays(25)));
        on(20);
        pipeline(initiative, "CLEAN", "DONE", 40, 20);
        on(5);
        send(post("/api/v1/kpis/" + kpi + "/measurements"), "{\"periodEnd\":\"%s\",\"value\":70}".formatted(D.minusDays(5)));

        on(0);
        StringBuilder events = new StringBuilder();
        for (int day : new int[] {45, 44}) {
            events.append(event("u1", day));
        }
        for (int day = 19; day >= 3; day--) {
            events.append(event("u1", day));
        }
        events.append(event("u2", 26));
        send(post("/api/v1/usage-events").contentType("application/x-ndjson").content(events.toString()), null);
        rollups.rollUpPending();
        // Today the contract's target and the intended users change; the past keeps its own.
        send(put("/api/v1/kpis/" + kpi), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "baselineValue":100,"baselineFrom":"%s","baselineTo":"%s","target":50,"valuePerUnit":10,
                 "owner":"owner@asof.test","cadence":"MONTHLY"}""".formatted(D.minusDays(200), D.minusDays(120)));
        String definition = send(get("/api/v1/workflows/asof/definition"), null);
        send(put("/api/v1/workflows/asof/definition"), definition.replace("\"u2@asof.test\"", "").replace("[,", "[")
                .replace(",]", "]"));
    }

    private long person(String name) throws Exception {
        return ((Number) JsonPath.read(send(post("/api/v1/people"), """
                {"email":"%s@asof.test","name":"%s","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(name, name)),
                "$.id")).longValue();
    }

    private void pipeline(long initiative, String stage, String status, int startedDaysAgo, Integer completedDaysAgo)
            throws Exception {
        send(put("/api/v1/initiatives/" + initiative + "/pipelines/" + stage), """
                {"status":"%s","startedOn":"%s"%s}""".formatted(status, D.minusDays(startedDaysAgo),
                completedDaysAgo == null ? "" : ",\"completedOn\":\"" + D.minusDays(completedDaysAgo) + "\""));
    }

    private static String event(String person, int daysAgo) {
        return "{\"id\":\"%s-%d\",\"time\":\"%sT08:00:00Z\",\"person\":\"%s@asof.test\",\"system\":\"asof-sys\",\"workflow\":\"asof\",\"operation\":\"chat\",\"outcome\":\"ACCEPTED\"}\n"
                .formatted(person, daysAgo, D.minusDays(daysAgo), person);
    }

    private DocumentContext org(LocalDate day) throws Exception {
        return JsonPath.parse(send(get("/api/v1/scorecards/organization").param("asOf", day.toString()), null));
    }

    private static double figure(DocumentContext card, String id) {
        List<Number> values = card.read("$.figures[?(@.id == '" + id + "')].value");
        assertThat(values).as("%s present", id).hasSize(1).doesNotContainNull();
        return values.get(0).doubleValue();
    }

    private Map<String, Double> workflowFigures(LocalDate day) throws Exception {
        DocumentContext card = JsonPath.parse(send(get("/api/v1/scorecards/workflows/asof").param("asOf", day.toString()),
                null));
        Map<String, Double> figures = new java.util.HashMap<>();
        List<Map<String, Object>> all = card.read("$.figures[*]");
        for (Map<String, Object> f : all) {
            if (f.get("value") != null) {
                figures.put((String) f.get("id"), ((Number) f.get("value")).doubleValue());
            }
        }
        return figures;
    }
}
