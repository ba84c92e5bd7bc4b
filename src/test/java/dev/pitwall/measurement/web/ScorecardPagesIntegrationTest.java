package dev.pitwall.measurement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The scorecard pages and CSV exports through the real filter chain, for the roles that may and may not. */
@PitwallIntegrationTest
class ScorecardPagesIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    MeasurementService measurements;

    private String key;
    private long kpi;

    @BeforeEach
    void workflowWithAContract() throws Exception {
        key = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(
                "{\"key\":\"%s\",\"name\":\"Pages, \\\"quoted\\\"\",\"stage\":\"PILOT\",\"aiGoLive\":\"%s\"}"
                        .formatted(key, LocalDate.now().minusDays(40)))).andExpect(status().isCreated());
        String body = mvc.perform(post("/api/v1/workflows/" + key + "/kpis").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                         "baselineValue":100,"baselineTo":"%s","target":60,"valuePerUnit":10,"cadence":"MONTHLY"}"""
                        .formatted(LocalDate.now().minusDays(60)))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        kpi = ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private RequestPostProcessor as(Role role) {
        User user = TestUsers.create(users, role);
        return httpBasic(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void everyRoleThatReadsThePortfolioSeesTheScorecards() throws Exception {
        RequestPostProcessor viewer = as(Role.VIEWER);
        mvc.perform(get("/scorecards").with(viewer).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Balanced scorecard")))
                .andExpect(content().string(containsString("data-workflow=\"" + key + "\"")));
        mvc.perform(get("/scorecards/workflows/" + key).with(viewer).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Value-capture waterfall")))
                .andExpect(content().string(containsString("KPI &#39;Hours&#39; has no measurement")));
        // who is behind the adoption figures is individual usage
        mvc.perform(get("/scorecards/workflows/" + key + "/people").param("level", "0").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/scorecards/workflows/" + key + "/people.csv").param("level", "0").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/scorecards/workflows/" + key + "/people").param("level", "0").with(as(Role.EXECUTIVE)))
                .andExpect(status().isOk());
        mvc.perform(get("/scorecards").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void tablesExportAsCsv() throws Exception {
        mvc.perform(get("/scorecards/workflows.csv").with(ADMIN)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(startsWith("workflow,name,stage,bindingConstraint,")))
                // a name with a comma and quotes is quoted as CSV wants
                .andExpect(content().string(containsString(key + ",\"Pages, \"\"quoted\"\"\",PILOT,")));
        String figures = mvc.perform(get("/scorecards/workflows/" + key + "/figures.csv").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(figures.lines()).first().isEqualTo("id,name,value,unit,currency,period,reason,definition");
        // money says its currency and its period: impact per the KPI's month, capital to date
        assertThat(figures).contains("targetImpact,Target impact,400.0,money,EUR,MONTHLY,,");
        assertThat(figures).contains("strandedCapital,Stranded capital,").contains(",money,EUR,TO_DATE,");
        String ranking = mvc.perform(get("/scorecards/workflows.csv").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(ranking.lines().findFirst().orElseThrow())
                .contains("realizedImpact (EUR per impactPeriod),targetImpact (EUR per impactPeriod),"
                        + "valueLost (EUR per impactPeriod),impactPeriod,strandedCapital (EUR to date)");
        mvc.perform(get("/scorecards/figures.csv").with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("misalignedUserShare")));
    }

    @Test
    void workflowOwnersAddKpisOnTheScorecard() throws Exception {
        RequestPostProcessor owner = as(Role.OWNER);
        mvc.perform(get("/scorecards/workflows/" + key).with(owner).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"kpi-form\"")))
                .andExpect(content().string(containsString("id=\"measurement-form\"")));
        mvc.perform(post("/scorecards/workflows/" + key + "/kpis").with(owner).with(csrf())
                        .param("name", "First-time right").param("unit", "%").param("level", "OPERATIONAL")
                        .param("direction", "HIGHER_IS_BETTER").param("baselineValue", "70")
                        .param("baselineTo", LocalDate.now().minusDays(50).toString()).param("target", "90")
                        .param("cadence", "MONTHLY").param("parentId", String.valueOf(kpi)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashMessage", "KPI 'First-time right' was added to the measurement contract."));
        mvc.perform(get("/api/v1/workflows/" + key + "/kpis").with(ADMIN))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].parentId")
                        .value((int) kpi));
        mvc.perform(post("/scorecards/workflows/" + key + "/kpis").with(owner).with(csrf())
                        .param("name", "No period").param("unit", "h").param("level", "BUSINESS_OUTCOME")
                        .param("direction", "LOWER_IS_BETTER").param("baselineValue", "5").param("cadence", "MONTHLY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-field=\"baselineTo\"")))
                .andExpect(content().string(containsString("value=\"No period\"")))
                .andExpect(content().string(containsString("value=\"5\"")));
        mvc.perform(post("/scorecards/workflows/" + key + "/kpis").with(as(Role.CONTRIBUTOR)).with(csrf())
                        .param("name", "x").param("unit", "h").param("level", "OPERATIONAL")
                        .param("direction", "LOWER_IS_BETTER").param("cadence", "MONTHLY"))
                .andExpect(status().isForbidden());
    }

    @Test
    void ownersChangeAndDeleteKpisInTheUiAndARefusedFormKeepsWhatWasTyped() throws Exception {
        RequestPostProcessor owner = as(Role.OWNER);
        mvc.perform(get("/scorecards/workflows/" + key).with(owner).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("/scorecards/kpis/" + kpi + "/edit")));
        mvc.perform(get("/scorecards/kpis/" + kpi + "/edit").with(owner).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"baselineValue\" name=\"baselineValue\" inputmode=\"decimal\" value=\"100\"")))
                .andExpect(content().string(containsString("value=\"60\"")));
        // Unreadable numbers and dates are each named, and the form keeps them as typed.
        mvc.perform(post("/scorecards/kpis/" + kpi).with(owner).with(csrf())
                        .param("name", "Hours").param("unit", "hours").param("level", "BUSINESS_OUTCOME")
                        .param("direction", "LOWER_IS_BETTER").param("baselineValue", "1OO")
                        .param("baselineTo", "yesterday").param("target", "55").param("valuePerUnit", "12")
                        .param("cadence", "MONTHLY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-field=\"baselineValue\"")))
                .andExpect(content().string(containsString("data-field=\"baselineTo\"")))
                .andExpect(content().string(containsString("value=\"1OO\"")))
                .andExpect(content().string(containsString("value=\"55\"")));
        mvc.perform(get("/api/v1/kpis/" + kpi).with(ADMIN))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.target").value(60));
        // A valid change is saved: the new target and value per unit are what the API reads.
        mvc.perform(post("/scorecards/kpis/" + kpi).with(owner).with(csrf())
                        .param("name", "Hours").param("unit", "hours").param("level", "BUSINESS_OUTCOME")
                        .param("direction", "LOWER_IS_BETTER").param("baselineValue", "100")
                        .param("baselineTo", LocalDate.now().minusDays(60).toString()).param("target", "55")
                        .param("valuePerUnit", "12").param("cadence", "MONTHLY").param("owner", "").param("parentId", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashMessage", "KPI 'Hours' was changed."));
        mvc.perform(get("/api/v1/kpis/" + kpi).with(ADMIN))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.target").value(55))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.valuePerUnit").value(12));
        // Contributors record measurements but do not change the contract.
        mvc.perform(get("/scorecards/kpis/" + kpi + "/edit").with(as(Role.CONTRIBUTOR))).andExpect(status().isForbidden());
        mvc.perform(post("/scorecards/kpis/" + kpi + "/delete").with(as(Role.CONTRIBUTOR)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/scorecards/kpis/" + kpi + "/delete").with(owner).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashMessage", containsString("KPI 'Hours' was deleted")));
        mvc.perform(get("/api/v1/kpis/" + kpi).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void beforeAnythingIsInProductionThePilotsFiguresShowInTheRanking() throws Exception {
        String initiative = "Pilots only " + key;
        String body = mvc.perform(post("/api/v1/initiatives").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"objective\":\"Try AI\",\"stage\":\"ACTIVE\"}".formatted(initiative)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String pilot = key + "-pilot";
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(
                "{\"key\":\"%s\",\"name\":\"A pilot\",\"stage\":\"PILOT\",\"initiative\":\"%s\"}"
                        .formatted(pilot, initiative))).andExpect(status().isCreated());
        mvc.perform(get("/scorecards/initiatives/" + id).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-production\"")))
                .andExpect(content().string(containsString("data-workflow=\"" + pilot + "\"")));
    }

    @Test
    void theGatesFailedChecksLinkToTheFormsThatFixThem() throws Exception {
        String bare = key + "-bare";
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"%s\",\"name\":\"No contract yet\",\"stage\":\"PILOT\"}".formatted(bare)))
                .andExpect(status().isCreated());
        mvc.perform(get("/portfolio/workflows/" + bare).with(as(Role.OWNER)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/portfolio/workflows/" + bare + "#rights\">Assign the decision rights →")))
                .andExpect(content().string(containsString("href=\"/scorecards/workflows/" + bare + "#kpis\">Edit the measurement contract →")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("join the gate as those capabilities"))))
                // The stage form proposes the next stage, not IDEA.
                .andExpect(content().string(containsString("value=\"PRODUCTION\" selected=\"selected\"")));
    }

    @Test
    void measurementsAreEnteredOnTheScorecardByThoseWhoRecordThem() throws Exception {
        LocalDate period = LocalDate.now().minusDays(3);
        mvc.perform(post("/scorecards/workflows/" + key + "/measurements").with(as(Role.CONTRIBUTOR)).with(csrf())
                        .param("kpiId", String.valueOf(kpi)).param("periodEnd", period.toString()).param("value", "80"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashMessage", "Recorded 80 for the period ending " + period + "."));
        assertThat(measurements.find(kpi, null, null)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualByComparingTo("80"));
        mvc.perform(post("/scorecards/workflows/" + key + "/measurements").with(as(Role.CONTRIBUTOR)).with(csrf())
                        .param("kpiId", String.valueOf(kpi)).param("periodEnd", LocalDate.now().plusDays(3).toString())
                        .param("value", "70"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", containsString("has not ended yet")));
        mvc.perform(post("/scorecards/workflows/" + key + "/measurements").with(as(Role.VIEWER)).with(csrf())
                        .param("kpiId", String.valueOf(kpi)).param("periodEnd", period.toString()).param("value", "1"))
                .andExpect(status().isForbidden());
        assertThat(measurements.find(kpi, null, null)).hasSize(1);
    }
}
