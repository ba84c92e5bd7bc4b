package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A workflow's fallback declared, drilled, and scheduled for its next drill by its risk tier. */
@PitwallIntegrationTest
class FallbackDrillIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String HIGH_RISK = """
            {"personalData":true,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":["4(a)"],
             "narrowProceduralTask":false,"profiling":true,"autonomy":"SUGGESTS","internalDecisionSupport":true,
             "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
             "prohibitedPractices":[]}""";

    @Autowired
    MockMvc mvc;

    private String key;

    @BeforeEach
    void workflow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "fb-" + suffix;
        assertThat(status(post("/api/v1/people"), """
                {"email":"lead-%s@fb.test","name":"Lead %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(suffix, suffix)))
                .isEqualTo(201);
        assertThat(status(post("/api/v1/workflows"), """
                {"key":"%s","name":"Fallback %s","stage":"PILOT","systems":[],"intendedUsers":{"people":[],"teams":[]}}"""
                .formatted(key, suffix))).isEqualTo(201);
    }

    @Test
    void aDeclaredFallbackIsDrilledAndTheNextDrillFollowsTheRiskTier() throws Exception {
        assertThat(schedule().get("overdue")).as("never drilled: due now").isEqualTo(true);
        assertThat(schedule().get("every")).as("not classified: like MEDIUM").isEqualTo(6);
        assertThat(status(post("/api/v1/workflows/" + key + "/drills"), drill(TODAY.minusDays(5), 10)))
                .as("no fallback declared yet").isEqualTo(409);

        String owner = "lead-" + key.substring(3) + "@fb.test";
        assertThat(errorFields(put("/api/v1/workflows/" + key + "/fallback"), """
                {"procedure":"By hand","ownerEmail":"%s","maxSwitchMinutes":0}""".formatted(owner))).contains("maxSwitchMinutes");
        assertThat(errorFields(put("/api/v1/workflows/" + key + "/fallback"), """
                {"procedure":"By hand","ownerEmail":"nobody@fb.test","maxSwitchMinutes":30}""")).contains("ownerEmail");
        assertThat(status(get("/api/v1/workflows/" + key + "/fallback"), null)).as("nothing half-saved").isEqualTo(404);
        assertThat(status(put("/api/v1/workflows/" + key + "/fallback"), """
                {"procedure":"Agents triage the shared inbox by hand","ownerEmail":"%s","maxSwitchMinutes":30}"""
                .formatted(owner))).isEqualTo(200);
        String fallback = body(get("/api/v1/workflows/" + key + "/fallback"));
        assertThat(JsonPath.<String>read(fallback, "$.ownerEmail")).isEqualTo(owner);
        assertThat(JsonPath.<Integer>read(fallback, "$.maxSwitchMinutes")).isEqualTo(30);

        assertThat(errorFields(post("/api/v1/workflows/" + key + "/drills"), drill(TODAY.plusDays(1), 10)))
                .contains("drilledOn");
        assertThat(status(post("/api/v1/workflows/" + key + "/drills"), drill(TODAY.minusDays(100), 45))).isEqualTo(201);
        assertThat(status(post("/api/v1/workflows/" + key + "/drills"), drill(TODAY.minusDays(100), 12))).isEqualTo(201);
        List<Map<String, Object>> drills = JsonPath.read(body(get("/api/v1/workflows/" + key + "/drills")), "$");
        assertThat(drills).extracting(d -> d.get("passed")).containsExactly(true, false);
        assertThat(drills.get(0).get("throughputRatio")).isEqualTo(0.7);

        Map<String, Object> medium = schedule();
        assertThat(medium.get("lastPassed")).isEqualTo(TODAY.minusDays(100).toString());
        assertThat(medium.get("dueOn")).isEqualTo(TODAY.minusDays(100).plusMonths(6).toString());
        assertThat(medium.get("overdue")).isEqualTo(false);

        // The drill is evidence for the fallback-path control while it is within the tier's period.
        assertThat(generated("fallback-path")).containsExactly("Fallback drill passed on " + TODAY.minusDays(100)
                + ", valid until " + TODAY.minusDays(100).plusMonths(6));

        assertThat(status(put("/api/v1/workflows/" + key + "/risk-classification"), HIGH_RISK)).isEqualTo(200);
        Map<String, Object> high = schedule();
        assertThat(high.get("tier")).isEqualTo("HIGH");
        assertThat(high.get("every")).isEqualTo(3);
        assertThat(high.get("dueOn")).isEqualTo(TODAY.minusDays(100).plusMonths(3).toString());
        assertThat(high.get("overdue")).isEqualTo(true);
        assertThat(generated("fallback-path")).as("lapsed on its own: HIGH drills every 3 months").isEmpty();
        assertThat(status(put("/api/v1/workflows/" + key + "/controls/fallback-path"), "{\"status\":\"IMPLEMENTED\"}"))
                .as("in place needs evidence").isEqualTo(400);

        assertThat(status(post("/api/v1/workflows/" + key + "/drills"), drill(TODAY.minusDays(10), 5))).isEqualTo(201);
        assertThat(generated("fallback-path")).hasSize(1);
        assertThat(status(put("/api/v1/workflows/" + key + "/controls/fallback-path"), "{\"status\":\"IMPLEMENTED\"}"))
                .as("the generated evidence counts like any other").isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(body(get("/api/v1/workflows/" + key + "/controls")),
                "$[?(@.controlKey == 'fallback-path')].status")).containsExactly("IMPLEMENTED");
    }

    /** The titles of the evidence Pitwall generated for one of the workflow's controls. */
    private List<String> generated(String control) throws Exception {
        return JsonPath.read(body(get("/api/v1/workflows/" + key + "/controls")),
                "$[?(@.controlKey == '" + control + "')].evidence[?(@.kind == 'GENERATED')].title");
    }

    private static String drill(LocalDate on, int minutes) {
        return """
                {"drilledOn":"%s","switchMinutes":%d,"throughputRatio":0.7,"notes":"Inbox switched by hand"}"""
                .formatted(on, minutes);
    }

    private Map<String, Object> schedule() throws Exception {
        List<Map<String, Object>> rows = JsonPath.read(body(get("/api/v1/drills/schedule")), "$[?(@.workflowKey == '" + key + "')]");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(ADMIN)).andReturn().getResponse().getStatus();
    }

    private List<String> errorFields(MockHttpServletRequestBuilder request, String json) throws Exception {
        var response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json).with(ADMIN))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        return JsonPath.read(response.getContentAsString(), "$.errors[*].field");
    }
}
