package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Difference-in-differences end to end: a KPI measured per team for twelve months, three teams
 * live from month 6, one from month 9, two never; every team shares the same monthly shocks. The
 * estimate is the effect built into the data, in the KPI's unit and in money; bad values and
 * unknown teams are refused naming the item or the line, storing nothing.
 */
@PitwallIntegrationTest
class TeamComparisonIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;

    @Test
    void theEffectBuiltIntoTheTeamsValuesIsEstimatedAndBadInputRefused() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String key = "did-" + s;
        send(post("/api/v1/workflows"), "{\"key\":\"%s\",\"name\":\"Staged %s\",\"stage\":\"PILOT\"}".formatted(key, s), 201);
        long kpi = JsonPath.<Number>read(send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours %s","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "cadence":"MONTHLY","valuePerUnit":40}""".formatted(s), 201), "$.id").longValue();
        List<String> teams = List.of("A", "B", "C", "D", "E", "F").stream().map(t -> "Depot " + t + " " + s).toList();
        for (String team : teams) {
            send(post("/api/v1/teams"), "{\"name\":\"" + team + "\"}", 201);
        }
        LocalDate firstOfMonth = LocalDate.now().withDayOfMonth(1);
        LocalDate[] periodEnd = new LocalDate[12];
        for (int t = 0; t < 12; t++) {
            periodEnd[t] = firstOfMonth.minusMonths(11 - t).minusDays(1);
        }
        send(put("/api/v1/workflows/" + key + "/team-go-lives"), """
                [{"team":"%s","liveOn":"%s"},{"team":"%s","liveOn":"%s"},{"team":"%s","liveOn":"%s"},
                 {"team":"%s","liveOn":"%s"}]""".formatted(teams.get(0), periodEnd[5].plusDays(1), teams.get(1),
                periodEnd[5].plusDays(1), teams.get(2), periodEnd[5].plusDays(1), teams.get(3), periodEnd[8].plusDays(1)),
                200);
        StringBuilder batch = new StringBuilder("[");
        for (int u = 0; u < 6; u++) {
            int goLive = u < 3 ? 6 : u == 3 ? 9 : 99;
            for (int t = 0; t < 12; t++) {
                double value = 300 + 25 * u + 12 * Math.sin(t) + (t >= 6 ? 20 : 0) + (t >= goLive ? -5 : 0);
                batch.append(batch.length() > 1 ? "," : "").append(String.format(java.util.Locale.ROOT,
                        "{\"team\":\"%s\",\"periodEnd\":\"%s\",\"value\":%.6f}", teams.get(u), periodEnd[t], value));
            }
        }
        send(post("/api/v1/kpis/" + kpi + "/team-measurements"), batch.append("]").toString(), 200);

        String effect = send(get("/api/v1/insight/effects/" + key), null, 200);
        String teamsOf = "$.kpis[0].teams";
        assertThat(JsonPath.<Integer>read(effect, teamsOf + ".teams")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(effect, teamsOf + ".teamsLive")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(effect, teamsOf + ".periods")).isEqualTo(12);
        assertThat(JsonPath.<Number>read(effect, teamsOf + ".effect.estimate").doubleValue()).isCloseTo(-5, within(1e-6));
        // Lower is better: 5 hours fewer a month per team is worth 5 × 40 EUR.
        assertThat(JsonPath.<Number>read(effect, teamsOf + ".money.estimate").doubleValue()).isCloseTo(200, within(1e-4));
        assertThat(JsonPath.<String>read(effect, teamsOf + ".verdict")).isEqualTo("DISTINGUISHABLE");
        // The workflow's own series is not measured: no interrupted time series, but the comparison across teams stands.
        assertThat(JsonPath.<String>read(effect, "$.kpis[0].refusal")).contains("has 0 before and 0 after");
        assertThat(JsonPath.<Object>read(effect, "$.kpis[0].effect")).isNull();
        String page = mvc.perform(get("/insight").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-teams-of=\"" + key + "\"").contains("6 teams, 4 live, 12 periods");

        // Before month 6 no team had AI: as of then, the comparison is refused with its reason.
        String early = send(get("/api/v1/insight/effects/" + key + "?asOf=" + periodEnd[4]), null, 200);
        assertThat(JsonPath.<String>read(early, teamsOf + ".refusal")).isEqualTo("no measured team has AI yet");

        // Bad items are named and nothing is stored.
        var refused = mvc.perform(post("/api/v1/kpis/" + kpi + "/team-measurements").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"team":"%s","periodEnd":"%s","value":1},{"team":"Nobody %s","periodEnd":"%s","value":1},
                         {"team":"%s","periodEnd":"%s","value":1},{"team":"%s","periodEnd":"%s"}]"""
                        .formatted(teams.get(0), periodEnd[0], s, periodEnd[0], teams.get(0), LocalDate.now().plusDays(40),
                                teams.get(1), periodEnd[0]))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                .containsExactly("[1].team", "[2].periodEnd", "[3].value");
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/kpis/" + kpi + "/team-measurements"), null, 200), "$"))
                .hasSize(72);
        assertThat(JsonPath.<Number>read(send(get("/api/v1/kpis/" + kpi + "/team-measurements"), null, 200),
                "$[0].value").doubleValue()).isNotEqualTo(1.0);
        var badGoLive = mvc.perform(put("/api/v1/workflows/" + key + "/team-go-lives").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("[{\"team\":\"Nobody\",\"liveOn\":\"2026-01-01\"},{\"team\":\""
                        + teams.get(0) + "\"}]")).andReturn().getResponse();
        assertThat(badGoLive.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(badGoLive.getContentAsString(), "$.errors[*].field"))
                .containsExactly("[0].team", "[1].liveOn");
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/workflows/" + key + "/team-go-lives"), null, 200), "$"))
                .hasSize(4);

        // In the UI: CSV pasted into the page; a bad line is named and the text kept.
        String text = "team,period_end,value\n" + teams.get(4) + "," + periodEnd[0] + ",310\n" + teams.get(5) + ",31/12/2025,3\n";
        var form = mvc.perform(post("/scorecards/workflows/" + key + "/team-measurements").with(ADMIN).with(csrf())
                .param("kpiId", String.valueOf(kpi)).param("text", text)).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(400);
        assertThat(form.getContentAsString()).contains("data-line=\"3\" data-field=\"period_end\"")
                .contains("31/12/2025,3");
        var good = mvc.perform(post("/scorecards/workflows/" + key + "/team-measurements").with(ADMIN).with(csrf())
                .param("kpiId", String.valueOf(kpi)).param("text", "team,period_end,value\n" + teams.get(4) + ","
                        + periodEnd[0] + ",310\n")).andReturn().getResponse();
        assertThat(good.getStatus()).isEqualTo(302);
        String teamsPage = mvc.perform(get("/scorecards/workflows/" + key + "/teams?kpiId=" + kpi).with(ADMIN)).andReturn()
                .getResponse().getContentAsString();
        assertThat(teamsPage).contains("data-team=\"" + teams.get(4) + "\"").contains(">310<").contains(teams.get(3));
        var viewer = mvc.perform(post("/api/v1/kpis/" + kpi + "/team-measurements").with(httpBasic("nobody", "x"))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andReturn().getResponse();
        assertThat(viewer.getStatus()).isEqualTo(401);
    }

    private String send(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
