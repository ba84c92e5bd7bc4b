package dev.pitwall.platform.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The organization's currency set by an administrator reaches every money figure: the API's units,
 * the pages and the CSV headers; refused input names its field and changes nothing.
 */
@PitwallIntegrationTest
class OrganizationSettingsIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    OrganizationService organization;
    @Autowired
    AuditLog audit;

    @AfterEach
    void backToEuros() {
        organization.update(new OrganizationUpdate("Our organization", "EUR"));
    }

    @Test
    void anAdministratorSetsTheCurrencyAndEveryMoneyFigureCarriesIt() throws Exception {
        String key = workflowWithAMonthlyKpi();
        mvc.perform(put("/api/v1/organization").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Acme Insurance\",\"currency\":\"chf\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currency").value("CHF"))
                .andExpect(jsonPath("$.name").value("Acme Insurance"));

        String card = mvc.perform(get("/api/v1/scorecards/workflows/" + key).with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(card, "$.figures[?(@.id=='targetImpact')].currency")).containsExactly("CHF");
        assertThat(JsonPath.<List<String>>read(card, "$.figures[?(@.id=='targetImpact')].period")).containsExactly("MONTHLY");
        assertThat(JsonPath.<List<String>>read(card, "$.figures[?(@.id=='strandedCapital')].period")).containsExactly("TO_DATE");
        // figures that are not money carry neither
        assertThat(JsonPath.<List<Object>>read(card, "$.figures[?(@.id=='adoptionDepth')].currency")).isEmpty();
        assertThat(JsonPath.<String>read(card, "$.currency")).isEqualTo("CHF");
        assertThat(JsonPath.<String>read(card, "$.impactPeriod")).isEqualTo("MONTHLY");

        String organizationCard = mvc.perform(get("/api/v1/scorecards/organization").with(ADMIN))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(organizationCard, "$.figures[?(@.id=='infrastructureSpend')].currency"))
                .containsExactly("CHF");
        assertThat(JsonPath.<List<String>>read(organizationCard, "$.figures[?(@.id=='cumulativeRealizedImpact')].period"))
                .containsExactly("TO_DATE");

        mvc.perform(get("/scorecards/workflows/" + key).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("400 CHF per month")))
                .andExpect(content().string(containsString("Acme Insurance")));
        mvc.perform(get("/scorecards").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("(CHF to date)")));
        mvc.perform(get("/scorecards/workflows.csv").with(ADMIN))
                .andExpect(content().string(containsString("realizedImpact (CHF per impactPeriod)")));
        mvc.perform(get("/scorecards/workflows/" + key + "/figures.csv").with(ADMIN))
                .andExpect(content().string(containsString("targetImpact,Target impact,400.0,money,CHF,MONTHLY,,")));

        assertThat(audit.find(new dev.pitwall.platform.audit.AuditQuery("ORGANIZATION", "1", null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 5)).content()).anySatisfy(entry -> {
            assertThat(entry.entityType()).isEqualTo("ORGANIZATION");
            assertThat(entry.after()).contains("CHF");
        });
    }

    @Test
    void aCodeThatIsNotIso4217IsRefusedByName() throws Exception {
        mvc.perform(put("/api/v1/organization").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Acme\",\"currency\":\"XXY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        mvc.perform(put("/api/v1/organization").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Acme\",\"currency\":\"EURO\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        mvc.perform(put("/api/v1/organization").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"currency\":\"USD\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(organization.get()).isEqualTo(new Organization("Our organization", "EUR"));
    }

    @Test
    void theSettingsPageSavesAndKeepsWhatWasTypedWhenRefused() throws Exception {
        mvc.perform(get("/admin/organization").with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"EUR\" selected=\"selected\">EUR · Euro</option>")));
        mvc.perform(post("/admin/organization").with(ADMIN).with(csrf()).param("name", "").param("currency", "USD"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must not be blank")))
                .andExpect(content().string(containsString("<option value=\"USD\" selected=\"selected\">")));
        mvc.perform(post("/admin/organization").with(ADMIN).with(csrf()).param("name", "Northwind <b>Freight</b>")
                        .param("currency", "USD"))
                .andExpect(redirectedUrl("/admin/organization"));
        assertThat(organization.get()).isEqualTo(new Organization("Northwind <b>Freight</b>", "USD"));
        // the name is text, never markup
        mvc.perform(get("/").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Northwind &lt;b&gt;Freight&lt;/b&gt;")));
    }

    @Test
    void onlyAdministratorsChangeTheSettings() throws Exception {
        User owner = TestUsers.create(users, Role.OWNER);
        RequestPostProcessor asOwner = httpBasic(owner.username(), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/organization").with(asOwner)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/organization").with(asOwner).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Mine\",\"currency\":\"USD\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/organization").with(asOwner).with(csrf()).param("name", "Mine").param("currency", "USD"))
                .andExpect(status().isForbidden());
        assertThat(organization.currency()).isEqualTo("EUR");
    }

    private String workflowWithAMonthlyKpi() throws Exception {
        String key = "money-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(
                "{\"key\":\"%s\",\"name\":\"Money\",\"stage\":\"PILOT\",\"aiGoLive\":\"%s\"}"
                        .formatted(key, LocalDate.now().minusDays(40)))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/workflows/" + key + "/kpis").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                         "baselineValue":100,"baselineTo":"%s","target":60,"valuePerUnit":10,"cadence":"MONTHLY"}"""
                        .formatted(LocalDate.now().minusDays(60)))).andExpect(status().isCreated());
        return key;
    }
}
