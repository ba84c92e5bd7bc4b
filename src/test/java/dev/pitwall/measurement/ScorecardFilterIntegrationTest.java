package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Filtered scorecards against the unfiltered ones restricted by hand: by stage and binding
 * constraint, by initiative (the initiative's scorecard), by team and initiative together, and the
 * totals the page writes for the workflows that pass; unknown values are refused naming the filter.
 */
@PitwallIntegrationTest
class ScorecardFilterIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;

    @Test
    void filteredRankingsAreTheUnfilteredOnesRestricted() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        long owner = JsonPath.<Number>read(send(post("/api/v1/people"), """
                {"email":"f-%s@filter.test","name":"F %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(s, s)), "$.id")
                .longValue();
        long initiative = JsonPath.<Number>read(send(post("/api/v1/initiatives"), """
                {"name":"Filter %s","objective":"o","sponsorId":%d,"stage":"ACTIVE"}""".formatted(s, owner)), "$.id")
                .longValue();
        long team = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"Filter team " + s + "\"}"), "$.id")
                .longValue();
        send(post("/api/v1/workflows"), """
                {"key":"fa-%s","name":"Filter A %s","initiative":"Filter %s","stage":"PILOT"}""".formatted(s, s, s));
        send(post("/api/v1/workflows"), """
                {"key":"fb-%s","name":"Filter B %s","initiative":"Filter %s","stage":"IDEA"}""".formatted(s, s, s));
        send(post("/api/v1/workflows"), """
                {"key":"fc-%s","name":"Filter C %s","stage":"PILOT"}""".formatted(s, s));

        List<Map<String, Object>> all = JsonPath.read(send(get("/api/v1/scorecards/organization"), null), "$.workflows");
        for (String stage : List.of("PILOT", "IDEA")) {
            List<String> byHand = all.stream().filter(r -> stage.equals(r.get("stage"))).map(r -> (String) r.get("workflowKey")).toList();
            assertThat(keys(send(get("/api/v1/scorecards/organization").param("stage", stage), null))).containsExactlyElementsOf(byHand);
        }
        for (String constraint : List.of("TECHNOLOGY", "WORKFORCE", "OPERATING_MODEL")) {
            List<String> byHand = all.stream().filter(r -> constraint.equals(r.get("bindingConstraint")))
                    .map(r -> (String) r.get("workflowKey")).toList();
            assertThat(keys(send(get("/api/v1/scorecards/organization").param("constraint", constraint), null)))
                    .containsExactlyElementsOf(byHand);
        }
        // By initiative: the initiative's own scorecard; with a stage too, restricted by hand.
        String byInitiative = send(get("/api/v1/scorecards/organization").param("initiative", String.valueOf(initiative)), null);
        assertThat(byInitiative).isEqualTo(send(get("/api/v1/scorecards/initiatives/" + initiative), null));
        assertThat(keys(byInitiative)).containsExactlyInAnyOrder("fa-" + s, "fb-" + s);
        assertThat(keys(send(get("/api/v1/scorecards/organization").param("initiative", String.valueOf(initiative))
                .param("stage", "PILOT"), null))).containsExactly("fa-" + s);
        // By team and initiative: the team's scorecard, its ranking restricted to the initiative's workflows.
        DocumentContext teamCard = JsonPath.parse(send(get("/api/v1/scorecards/teams/" + team), null));
        List<String> teamAndInitiative = teamCard.<List<String>>read("$.workflows[*].workflowKey").stream()
                .filter(k -> k.equals("fa-" + s) || k.equals("fb-" + s)).toList();
        DocumentContext both = JsonPath.parse(send(get("/api/v1/scorecards/organization").param("team", String.valueOf(team))
                .param("initiative", String.valueOf(initiative)), null));
        assertThat(both.<List<String>>read("$.workflows[*].workflowKey")).containsExactlyElementsOf(teamAndInitiative);
        assertThat(both.<String>read("$.scope")).isEqualTo("team");
        assertThat(both.<List<Object>>read("$.figures")).isEqualTo(teamCard.read("$.figures"));

        // The page sums the money of the workflows that pass, and says the figures above are the whole scorecard's.
        String page = mvc.perform(get("/scorecards").param("stage", "PILOT").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        long pilots = all.stream().filter(r -> "PILOT".equals(r.get("stage"))).count();
        assertThat(page).contains(pilots + " workflow" + (pilots == 1 ? "" : "s") + " pass the filters.")
                .contains("option value=\"PILOT\" selected");
        List<Map<String, Object>> pilotRows = all.stream().filter(r -> "PILOT".equals(r.get("stage"))).toList();
        List<Double> targets = pilotRows.stream().map(r -> (Number) r.get("targetImpact")).filter(Objects::nonNull)
                .map(Number::doubleValue).toList();
        String currency = JsonPath.read(send(get("/api/v1/scorecards/organization"), null), "$.currency");
        String period = OrganizationScorecard.commonPeriod(pilotRows.stream().map(r -> (String) r.get("impactPeriod")).toList());
        String expected = targets.isEmpty() ? "—" : FigureText.money(targets.stream().mapToDouble(Double::doubleValue).sum(),
                currency, period);
        assertThat(page.replaceAll("\\s+", " ")).contains("target <span>" + expected + "</span>");
        // The ranking's CSV follows the filters the page has.
        assertThat(page).containsPattern("href=\"/scorecards/workflows.csv\\?asOf=[0-9-]+[^\"]*stage=PILOT");
        String csv = mvc.perform(get("/scorecards/workflows.csv").param("stage", "PILOT").with(ADMIN)).andReturn()
                .getResponse().getContentAsString();
        List<String> csvKeys = csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(csvKeys).containsExactlyElementsOf(pilotRows.stream().map(r -> (String) r.get("workflowKey")).toList());

        var refused = mvc.perform(get("/api/v1/scorecards/organization").param("stage", "LIVE").param("constraint", "MONEY")
                .with(ADMIN)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field")).containsExactly("stage", "constraint");
    }

    private static List<String> keys(String card) {
        return JsonPath.read(card, "$.workflows[*].workflowKey");
    }

    private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
