package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Pre-registered expectations: recorded before the AI go-live only, refused with the field named,
 * judged at the production gate from the interrupted time series and kept on record.
 */
@PitwallIntegrationTest
class ExpectationIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;

    @Test
    void anExpectationRecordedBeforeGoLiveIsJudgedAtTheGateAndKeptOnRecord() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "ex-" + suffix;
        LocalDate today = LocalDate.now();
        LocalDate goLive = today.minusMonths(6).withDayOfMonth(15);
        String definition = """
                {"key":"%s","name":"Expected %s","stage":"PILOT","aiGoLive":"%s"}""";
        send(post("/api/v1/workflows"), definition.formatted(key, suffix, today.plusDays(10)));
        long kpi = JsonPath.<Number>read(send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY",
                 "baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s","target":600,"valuePerUnit":40}"""
                .formatted(goLive.minusMonths(4), goLive.minusMonths(1))), "$.id").longValue();

        String path = "/api/v1/insight/workflows/" + key + "/expectation";
        assertRefused(put(path), "{\"kpi\":\"Hours\",\"expectedEffect\":50,\"horizonMonths\":6}", "expectedEffect");
        assertRefused(put(path), "{\"kpi\":\"Minutes\",\"expectedEffect\":-50,\"horizonMonths\":6}", "kpi");
        assertRefused(put(path), "{\"kpi\":\"Hours\",\"expectedEffect\":-50,\"horizonMonths\":0}", "horizonMonths");
        assertThat(mvc.perform(get(path).with(ADMIN)).andReturn().getResponse().getStatus()).isEqualTo(404);
        send(put(path), "{\"kpi\":\"hours\",\"expectedEffect\":-50,\"horizonMonths\":6,\"note\":\"Half the exceptions\"}");

        // The AI went live six months ago after all; the measurements show a drop of 60 hours a month.
        send(put("/api/v1/workflows/" + key + "/definition"), definition.formatted(key, suffix, goLive));
        StringBuilder batch = new StringBuilder();
        LocalDate goLiveMonthEnd = goLive.withDayOfMonth(goLive.lengthOfMonth());
        for (int t = 0; t < 12; t++) {
            LocalDate end = goLiveMonthEnd.minusMonths(6 - t);
            end = end.withDayOfMonth(end.lengthOfMonth());
            if (!end.isAfter(today)) {
                batch.append(batch.isEmpty() ? "" : ",").append("{\"periodEnd\":\"").append(end).append("\",\"value\":")
                        .append(1000 + 10 * t - (t >= 6 ? 60 : 0)).append("}");
            }
        }
        send(post("/api/v1/kpis/" + kpi + "/measurements/batch"), "[" + batch + "]");
        var late = mvc.perform(put(path).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kpi\":\"Hours\",\"expectedEffect\":-10,\"horizonMonths\":6}")).andReturn().getResponse();
        assertThat(late.getStatus()).as("not pre-registered any more").isEqualTo(409);

        String gate = send(get("/api/v1/workflows/" + key + "/gate"), null);
        assertThat(JsonPath.<List<Boolean>>read(gate, "$.checks[?(@.id == 'expectation')].passed")).containsExactly(true);
        assertThat(JsonPath.<List<String>>read(gate, "$.checks[?(@.id == 'expectation')].summary").get(0))
                .startsWith("Expected -50.0 hours within 6 months; estimated -60.0 hours").endsWith(": met.");
        String view = send(get(path), null);
        assertThat(JsonPath.<String>read(view, "$.verdict.outcome")).isEqualTo("MET");
        assertThat(JsonPath.<List<String>>read(view, "$.record[*].verdict")).containsExactly("MET");
        assertThat(JsonPath.<List<String>>read(view, "$.record[*].evaluatedOn")).containsExactly(today.toString());

        String page = mvc.perform(get("/insight/expectations").with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-workflow=\"" + key + "\"").contains("data-verdict=\"MET\"");
    }

    @Test
    void theFormKeepsWhatWasTypedWhenRefused() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "ef-" + suffix;
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Form %s","stage":"IDEA"}""".formatted(key, suffix));
        var response = mvc.perform(post("/insight/expectations").with(ADMIN).with(csrf()).param("workflow", key)
                .param("kpi", "Nothing " + suffix).param("expectedEffect", "twelve").param("horizonMonths", "6")
                .param("note", "typed " + suffix)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("data-field=\"expectedEffect\"").contains("value=\"twelve\"")
                .contains("value=\"typed " + suffix + "\"").contains("value=\"Nothing " + suffix + "\"");
    }

    private void assertRefused(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
        var response = mvc.perform(request.with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
