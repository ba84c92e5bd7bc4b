package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.telemetry.RollupService;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Builds a small organization through the public API — people, a workflow with intended users
 * and a role, a KPI with its baseline, measurements, usage events, assessments, learning, spend,
 * deployments — and checks every figure of the workflow and organization scorecards against values
 * computed by hand below. Its own Spring context, so the organization holds nothing else.
 */
@PitwallIntegrationTest
@TestPropertySource(properties = "pitwall.measurement.window-days=28")
class ScorecardEndToEndIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate D = LocalDate.now(ZoneOffset.UTC);
    private static final double EPS = 1e-9;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;

    private String json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body,
            int expectedStatus) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(ADMIN)).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString();
    }

    private long person(String name, String tier) throws Exception {
        String body = json(post("/api/v1/people"), """
                {"email":"%s@e2e.test","name":"%s","level":"PRACTITIONER","tier":"%s"}""".formatted(name, name, tier), 201);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String event(String id, LocalDate day, String person, String system, String workflow, String outcome,
            boolean error) {
        return ("{\"id\":\"%s\",\"time\":\"%sT00:05:00Z\",\"person\":\"%s@e2e.test\",\"system\":\"%s\"%s,"
                + "\"operation\":\"chat\",\"outcome\":\"%s\",\"error\":%s}\n").formatted(id, day, person, system,
                workflow == null ? "" : ",\"workflow\":\"" + workflow + "\"", outcome, error);
    }

    @Test
    void everyFigureOfTheWorkflowAndOrganizationScorecardsMatchesTheHandComputedValue() throws Exception {
        long owner = person("owner", "CONSUMER");
        long u1 = person("u1", "CONSUMER");
        long u2 = person("u2", "CONSUMER");
        person("u3", "CONSUMER");
        person("u4", "CONSUMER");
        users.create(new NewUser("e2e-owner", "Owner", "owner@e2e.test", Role.OWNER, "e2e-owner-password"));
        String skillsJson = json(get("/api/v1/skills"), null, 200);
        long skill = ((Number) JsonPath.<List<Object>>read(skillsJson,
                "$[?(@.name == 'Evaluating AI output')].id").get(0)).longValue();

        json(post("/api/v1/ai-systems"), """
                {"key":"matcher","name":"Matcher","kind":"AGENT","telemetryKeys":[]}""", 201);
        json(post("/api/v1/ai-systems"), """
                {"key":"chat","name":"Chat","kind":"LLM_APPLICATION","telemetryKeys":[]}""", 201);
        long initiative = ((Number) JsonPath.read(json(post("/api/v1/initiatives"), """
                {"name":"E2E","objective":"Fewer hours","sponsorId":%d,"stage":"ACTIVE"}""".formatted(owner), 201),
                "$.id")).longValue();
        StringBuilder rights = new StringBuilder();
        for (dev.pitwall.portfolio.DecisionRight right : dev.pitwall.portfolio.DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append("\"").append(right).append("\":\"owner@e2e.test\"");
        }
        json(post("/api/v1/workflows"), """
                {"key":"e2e","name":"E2E workflow","initiative":"E2E","stage":"PILOT","aiGoLive":"%s",
                 "systems":["matcher"],"decisionRights":{%s},
                 "intendedUsers":{"people":["u1@e2e.test","u2@e2e.test","u3@e2e.test","u4@e2e.test"],"teams":[]},
                 "roles":[{"name":"reviewer","members":["u1@e2e.test","u2@e2e.test"],
                           "skills":[{"skill":"Evaluating AI output","level":2}]}]}"""
                .formatted(D.minusDays(100), rights), 201);
        // Spend: 10,000 of infrastructure shared by the initiative (one workflow), 2,000 of workforce for it.
        json(post("/api/v1/initiatives/" + initiative + "/budget-lines"), """
                {"category":"INFRASTRUCTURE","description":"Platform","amount":10000,"spentOn":"%s"}"""
                .formatted(D.minusDays(120)), 201);
        json(post("/api/v1/initiatives/" + initiative + "/budget-lines"), """
                {"category":"WORKFORCE","tier":"CONSUMER","workflowKey":"e2e","description":"Training","amount":2000,
                 "spentOn":"%s"}""".formatted(D.minusDays(60)), 201);

        // Skills: u1 1 -> 2, u2 0 -> 1 (required 2). Baseline (first assessment, D-90): (0.5 + 0) / 2 = 0.25;
        // now (1 + 0.5) / 2 = 0.75; gap 0.75 -> 0.25, reduction (0.75 - 0.25) / 0.75 = 2/3.
        for (Object[] a : new Object[][] {{u1, 1, 90}, {u2, 0, 90}, {u1, 2, 10}, {u2, 1, 10}}) {
            json(post("/api/v1/skill-assessments"), """
                    {"personId":%d,"skillId":%d,"level":%d,"assessedOn":"%s","source":"e2e"}"""
                    .formatted(a[0], skill, a[1], D.minusDays((int) a[2])), 201);
        }
        // Training: u1 of 4 intended users -> trainedShare 0.25.
        json(post("/api/v1/learning-records"), """
                {"personId":%d,"course":"Matcher basics","status":"COMPLETED","completedOn":"%s","workflowKey":"e2e","source":"e2e"}"""
                .formatted(u1, D.minusDays(30)), 201);

        // The contract: hours per month, lower is better, baseline 1000 before go-live, target 600, 50 per hour.
        long kpi = ((Number) JsonPath.read(json(post("/api/v1/workflows/e2e/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s","target":600,"valuePerUnit":50,
                 "owner":"owner@e2e.test","cadence":"MONTHLY"}""".formatted(D.minusDays(200), D.minusDays(110)), 201),
                "$.id")).longValue();
        // After go-live: 900, 800, 700 (only the last ends in the window: c = 700).
        json(post("/api/v1/kpis/" + kpi + "/measurements/batch"), """
                [{"periodEnd":"%s","value":900},{"periodEnd":"%s","value":800},{"periodEnd":"%s","value":700}]"""
                .formatted(D.minusDays(70), D.minusDays(40), D.minusDays(5)), 200);

        // Two successful deployments in the window, one failed, one outside it.
        for (Object[] d : new Object[][] {{"1.1", 20, "SUCCEEDED"}, {"1.2", 3, "SUCCEEDED"}, {"1.3", 2, "FAILED"},
            {"1.0", 40, "SUCCEEDED"}}) {
            json(post("/api/v1/deployments"), """
                    {"system":"matcher","version":"%s","time":"%sT09:00:00Z","status":"%s"}"""
                    .formatted(d[0], D.minusDays((int) d[1]), d[2]), 201);
        }

        // Usage in the window [D-27, D]: u1 on 16 days (level 4, ACCEPTED), u2 on 8 (level 3: 6 ACCEPTED,
        // 1 EDITED, 1 OVERRIDDEN, one of them with an error), u3 on 1 (level 1, REJECTED) plus one chat
        // outside any workflow, u4 never in the workflow (level 0) but twice in chat; one event before W.
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            events.append(event("u1-" + i, D.minusDays(i), "u1", "matcher", "e2e", "ACCEPTED", false));
        }
        String[] u2Outcomes = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "EDITED", "OVERRIDDEN"};
        for (int i = 0; i < 8; i++) {
            events.append(event("u2-" + i, D.minusDays(2 * i + 1), "u2", "matcher", "e2e", u2Outcomes[i], i == 7));
        }
        events.append(event("u3-0", D.minusDays(3), "u3", "matcher", "e2e", "REJECTED", false));
        events.append(event("u3-chat", D.minusDays(4), "u3", "chat", null, "UNKNOWN", false));
        events.append(event("u4-chat-0", D.minusDays(5), "u4", "chat", null, "UNKNOWN", false));
        events.append(event("u4-chat-1", D.minusDays(6), "u4", "chat", null, "UNKNOWN", false));
        events.append(event("old", D.minusDays(35), "u4", "matcher", "e2e", "ACCEPTED", false));
        String ingested = mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson")
                .content(events.toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(ingested, "$.accepted")).isEqualTo(29);
        rollups.rollUpPending();

        // Promote on a waiver by the accountable owner (the contract passes; training does not).
        json(post("/api/v1/workflows/e2e/waivers").with(httpBasic("e2e-owner", "e2e-owner-password")), """
                {"reason":"End-to-end test","expiresOn":"%s"}""".formatted(D.plusDays(30)), 201);
        json(post("/api/v1/workflows/e2e/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"e2e\"}", 201);

        DocumentContext card = JsonPath.parse(json(get("/api/v1/scorecards/workflows/e2e").param("asOf", D.toString()),
                null, 200));
        Map<String, Double> f = figures(card);
        assertThat(f.get("reach")).isCloseTo(0.75, within(EPS));
        // (4 + 3 + 1 + 0) / 4 / 4
        assertThat(f.get("adoptionDepth")).isCloseTo(0.5, within(EPS));
        // 22 accepted, 1 edited, 1 overridden, 1 rejected
        assertThat(f.get("acceptanceRate")).isCloseTo(22.0 / 25, within(EPS));
        assertThat(f.get("overrideRate")).isCloseTo(2.0 / 25, within(EPS));
        assertThat(f.get("skillCoverage")).isCloseTo(0.75, within(EPS));
        assertThat(f.get("skillGap")).isCloseTo(0.25, within(EPS));
        assertThat(f.get("skillGapReduction")).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f.get("trainedShare")).isCloseTo(0.25, within(EPS));
        // realized = -(700 - 1000) * 50; target = -(600 - 1000) * 50; cumulative (100 + 200 + 300) * 50
        assertThat(f.get("realizedImpact")).isCloseTo(15_000, within(EPS));
        assertThat(f.get("targetImpact")).isCloseTo(20_000, within(EPS));
        assertThat(f.get("realization")).isCloseTo(0.75, within(EPS));
        assertThat(f.get("cumulativeRealizedImpact")).isCloseTo(30_000, within(EPS));
        assertThat(f.get("capabilityRoi")).isCloseTo(15, within(EPS));
        // no evaluation: quality = acceptance 0.88; availability 1 - 1/25; 2 deployments in 28 days
        assertThat(f.get("quality")).isCloseTo(0.88, within(EPS));
        assertThat(f.get("availability")).isCloseTo(0.96, within(EPS));
        assertThat(f.get("deploymentsPerMonth")).isCloseTo(60.0 / 28, within(EPS));
        double technical = 100 * (0.88 / 0.9 + 0.96 / 0.995 + 1) / 3;
        assertThat(f.get("technicalIndex")).isCloseTo(technical, within(1e-6));
        assertThat(f.get("workforceIndex")).isCloseTo(100 * (0.75 + 0.5 + 1) / 3, within(1e-6));
        // potential 20,000; lost to adoption 10,000; to quality 20,000 * 0.5 * 0.12; expected 8,800
        assertThat(card.<List<Double>>read("$.waterfall[*].value")).satisfiesExactly(
                v -> assertThat(v).isCloseTo(20_000, within(1e-6)), v -> assertThat(v).isCloseTo(10_000, within(1e-6)),
                v -> assertThat(v).isCloseTo(1_200, within(1e-6)), v -> assertThat(v).isCloseTo(8_800, within(1e-6)),
                v -> assertThat(v).isCloseTo(-6_200, within(1e-6)), v -> assertThat(v).isCloseTo(15_000, within(1e-6)));
        assertThat(f.get("operatingModelCapture")).isCloseTo(100, within(EPS));
        assertThat(card.<String>read("$.bindingConstraint")).isEqualTo("WORKFORCE");
        assertThat(card.<Boolean>read("$.highPerformer")).isFalse();
        // in production: 10,000 of infrastructure * (1 - 0.5)
        assertThat(f.get("strandedCapital")).isCloseTo(5_000, within(EPS));
        assertThat(f.get("infrastructureSpend")).isCloseTo(10_000, within(EPS));
        assertThat(f.get("workforceSpend")).isCloseTo(2_000, within(EPS));
        assertThat(card.<List<Integer>>read("$.levelDistribution[*].people")).containsExactly(1, 1, 0, 1, 1);
        assertThat(card.<List<Object>>read("$.figures[?(@.value == null)]")).isEmpty();
        // every figure has a definition to show on hover and in docs/metrics.md
        assertThat(card.<List<String>>read("$.figures[*].id")).allSatisfy(id -> MetricDefinitions.of(id));
        assertThat(card.<List<String>>read("$.waterfall[*].id")).allSatisfy(id -> MetricDefinitions.of(id));

        DocumentContext org = JsonPath.parse(json(get("/api/v1/scorecards/organization").param("asOf", D.toString()),
                null, 200));
        Map<String, Double> o = figures(org);
        assertThat(o.get("realizedImpact")).isCloseTo(15_000, within(EPS));
        assertThat(o.get("targetImpact")).isCloseTo(20_000, within(EPS));
        assertThat(o.get("realization")).isCloseTo(0.75, within(EPS));
        assertThat(o.get("technicalIndex")).isCloseTo(technical, within(1e-6));
        assertThat(o.get("workforceIndex")).isCloseTo(75, within(1e-6));
        assertThat(o.get("adoptionDepth")).isCloseTo(0.5, within(EPS));
        assertThat(o.get("strandedCapital")).isCloseTo(5_000, within(EPS));
        // users in W: u1, u2 aligned; u3 half unaligned (not more than half); u4 all unaligned
        assertThat(o.get("misalignedUserShare")).isCloseTo(0.25, within(EPS));
        assertThat(o.get("unalignedActivityShare")).isCloseTo(3.0 / 28, within(EPS));
        assertThat(o.get("highPerformerShare")).isCloseTo(0, within(EPS));
        assertThat(o.get("infrastructureSpend")).isCloseTo(10_000, within(EPS));
        assertThat(o.get("workforceSpend")).isCloseTo(2_000, within(EPS));
        assertThat(o.get("workforceSpendShare")).isCloseTo(2_000.0 / 12_000, within(EPS));
        // money to date beside spend to date: 30,000 returned over 10,000 + 2,000 spent
        assertThat(o.get("cumulativeRealizedImpact")).isCloseTo(30_000, within(EPS));
        assertThat(o.get("returnOnSpend")).isCloseTo(30_000.0 / 12_000, within(EPS));
        assertThat(org.<List<String>>read("$.figures[?(@.id == 'realizedImpact')].period")).containsExactly("MONTHLY");
        assertThat(org.<List<String>>read("$.figures[?(@.id == 'infrastructureSpend')].period")).containsExactly("TO_DATE");
        assertThat(org.<List<String>>read("$.figures[?(@.unit == 'money')].currency")).isNotEmpty().containsOnly("EUR");
        assertThat(org.<List<Double>>read("$.workflows[*].valueLost")).containsExactly(5_000.0);
        assertThat(o.get("pipelineLag")).isCloseTo(0, within(EPS));
        assertThat(org.<List<String>>read("$.workflows[*].workflowKey")).containsExactly("e2e");
        assertThat(org.<List<String>>read("$.figures[*].id")).allSatisfy(id -> MetricDefinitions.of(id));
        assertThat(org.<List<Double>>read("$.tiers[?(@.tier == 'CONSUMER')].workforceSpend")).containsExactly(2000.0);
        assertThat(org.<List<Integer>>read("$.tiers[?(@.tier == 'CONSUMER')].headcount")).containsExactly(5);

        // As of a day before AI go-live, the same workflow says why nothing is known yet.
        DocumentContext early = JsonPath.parse(json(get("/api/v1/scorecards/workflows/e2e")
                .param("asOf", D.minusDays(150).toString()), null, 200));
        assertThat(early.<List<String>>read("$.figures[?(@.id == 'adoptionDepth')].reason")).containsExactly(
                "the AI goes live on " + D.minusDays(100) + ", after " + D.minusDays(150));
        assertThat(early.<List<String>>read("$.figures[?(@.id == 'realizedImpact')].reason"))
                .singleElement().asString().contains("no measurement up to " + D.minusDays(150));
        assertThat(early.<List<String>>read("$.figures[?(@.id == 'acceptanceRate')].reason"))
                .containsExactly("no usage event in the window reported an outcome");

        // The drill-down names the people at each level with their active days (the administrator identifies people).
        String embedded = mvc.perform(get("/api/v1/scorecards/workflows/e2e/people").param("level", "4")
                .param("asOf", D.toString()).with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(embedded, "$.people[*].email")).containsExactly("u1@e2e.test");
        assertThat(JsonPath.<List<Integer>>read(embedded, "$.people[*].activeDays")).containsExactly(16);
        assertThat(JsonPath.<Boolean>read(embedded, "$.identified")).isTrue();
        mvc.perform(get("/api/v1/scorecards/workflows/e2e").param("asOf", D.plusDays(1).toString()).with(ADMIN))
                .andExpect(status().isBadRequest());
    }

    private static Map<String, Double> figures(DocumentContext card) {
        Map<String, Double> values = new java.util.HashMap<>();
        List<Map<String, Object>> figures = card.read("$.figures");
        for (Map<String, Object> figure : figures) {
            Object value = figure.get("value");
            values.put((String) figure.get("id"), value == null ? null : ((Number) value).doubleValue());
        }
        return values;
    }
}
