package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Insight on an organization built through the API, with figures computed by hand: the effect of a
 * go-live on a KPI series without noise, its refusal with too few periods, the redesign ranking's
 * factors and the skill gap to fund.
 */
@PitwallIntegrationTest
class InsightIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;

    private String suffix;
    private String key;
    private LocalDate goLive;

    @BeforeEach
    void workflowWithAKpiSeries() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "in-" + suffix;
        LocalDate today = LocalDate.now();
        goLive = today.minusMonths(6).withDayOfMonth(15);
        send(post("/api/v1/people"), """
                {"email":"owner-%s@in.test","name":"Owner %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(suffix, suffix));
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Insight %s","stage":"PILOT","aiGoLive":"%s",
                 "decisionRights":{"ACCOUNTABLE_OWNER":"owner-%s@in.test"}}""".formatted(key, suffix, goLive, suffix));
        long kpi = JsonPath.<Number>read(send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY",
                 "baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s","target":600,"valuePerUnit":40}"""
                .formatted(goLive.minusMonths(4), goLive.minusMonths(1)), ADMIN), "$.id").longValue();
        // Month ends: 6 before the go-live month at 1000 + 10·t, from the go-live month on 60 lower, flat slope change 0.
        StringBuilder batch = new StringBuilder();
        LocalDate goLiveMonthEnd = goLive.withDayOfMonth(goLive.lengthOfMonth());
        for (int t = 0; t < 12; t++) {
            LocalDate end = goLiveMonthEnd.minusMonths(6 - t);
            end = end.withDayOfMonth(end.lengthOfMonth());
            if (end.isAfter(today)) {
                break;
            }
            double value = 1000 + 10 * t - (t >= 6 ? 60 : 0);
            batch.append(batch.isEmpty() ? "" : ",").append("{\"periodEnd\":\"").append(end).append("\",\"value\":")
                    .append(value).append("}");
        }
        send(post("/api/v1/kpis/" + kpi + "/measurements/batch"), "[" + batch + "]");
    }

    @Test
    void theEffectOfAGoLiveIsEstimatedWithItsIntervalAndItsMoney() throws Exception {
        DocumentContext effect = JsonPath.parse(send(get("/api/v1/insight/effects/" + key), null));
        assertThat(effect.<String>read("$.aiGoLive")).isEqualTo(goLive.toString());
        assertThat(effect.<Integer>read("$.kpis[0].periodsBefore")).isEqualTo(6);
        // No noise: level change −60, no slope change, so the effect at the latest period is −60 hours exactly;
        // lower is better at 40 per hour: +2,400 per month.
        assertThat(effect.<Double>read("$.kpis[0].levelChange.estimate")).isCloseTo(-60, within(1e-6));
        assertThat(effect.<Double>read("$.kpis[0].effect.estimate")).isCloseTo(-60, within(1e-6));
        assertThat(effect.<Double>read("$.kpis[0].money.estimate")).isCloseTo(2400, within(1e-4));
        assertThat(effect.<String>read("$.kpis[0].verdict")).isEqualTo("DISTINGUISHABLE");
        // The workflow scorecard shows the same estimate beside its realized impact, with its interval.
        DocumentContext card = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key), null));
        assertThat(card.<List<Number>>read("$.parts[?(@.id == 'effect')].figures[?(@.id == 'estimatedImpact')].value")
                .get(0).doubleValue()).isCloseTo(2400, within(1e-4));
        assertThat(card.<List<String>>read("$.parts[?(@.id == 'effect')].title").get(0)).endsWith("Distinguishable from noise");
        assertThat(card.<List<String>>read("$.parts[?(@.id == 'effect')].figures[?(@.id == 'estimatedImpact')].currency"))
                .hasSize(1);

        // As of two months after go-live there are too few periods with AI: the answer says so.
        DocumentContext early = JsonPath.parse(send(get("/api/v1/insight/effects/" + key)
                .param("asOf", goLive.plusMonths(2).toString()), null));
        assertThat(early.<String>read("$.kpis[0].refusal")).startsWith("needs at least 4 periods measured before");
        assertThat(early.<Object>read("$.kpis[0].effect")).isNull();

        String page = mvc.perform(get("/insight").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-workflow=\"" + key + "\"").contains("distinguishable from noise")
                .contains("Interrupted time series");
        String csv = mvc.perform(get("/insight/effects.csv").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().filter(l -> l.startsWith(key + ",")).findFirst().orElseThrow()).contains(",DISTINGUISHABLE,");
    }

    @Test
    void badInputNamesTheFieldAndUnknownWorkflowsAreNotFound() throws Exception {
        var bad = mvc.perform(get("/api/v1/insight/effects").param("asOf", "yesterday").with(ADMIN)).andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("asOf");
        assertThat(mvc.perform(get("/api/v1/insight/effects/no-such-" + suffix).with(ADMIN)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/insight/skills/999999999").with(ADMIN)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void theRedesignRankingShowsEachFactor() throws Exception {
        DocumentContext ranking = JsonPath.parse(send(get("/api/v1/insight/redesign"), null));
        List<Object> mine = ranking.read("$.candidates[?(@.workflowKey == '" + key + "')]");
        assertThat(mine).hasSize(1);
        // Target impact: (1000 − 600) × 40 = 16,000 per month; no data source assessed and no skill required.
        assertThat(ranking.<List<Double>>read("$.candidates[?(@.workflowKey == '" + key + "')].potential"))
                .containsExactly(16000.0);
        assertThat(ranking.<List<String>>read("$.candidates[?(@.workflowKey == '" + key + "')].unranked"))
                .containsExactly("no readiness: no data source is assessed and no skill is required");
        assertThat(ranking.<String>read("$.method")).startsWith("score = potential × friction × readiness");
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return send(request, body, ADMIN);
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
