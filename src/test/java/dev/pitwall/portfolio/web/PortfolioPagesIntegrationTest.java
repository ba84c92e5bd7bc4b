package dev.pitwall.portfolio.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The portfolio pages and their forms, rendered by the real templates on the real database. */
@PitwallIntegrationTest
class PortfolioPagesIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;

    private final String s = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyPortfolioPageRenders() throws Exception {
        for (String path : new String[] {"/portfolio", "/portfolio/decision-rights", "/portfolio/systems",
                "/portfolio/waivers", "/portfolio/operating-model", "/portfolio/initiatives/new", "/portfolio/workflows/new"}) {
            mvc.perform(get(path).with(ADMIN).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("<nav class=\"navbar")));
        }
    }

    @Test
    void createsAnInitiativeAndAWorkflowThroughTheFormsAndShowsTheGate() throws Exception {
        mvc.perform(post("/portfolio/initiatives").with(ADMIN).with(csrf()).param("name", "Forms " + s)
                        .param("objective", "Try the forms").param("stage", "ACTIVE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/portfolio/initiatives").with(ADMIN).with(csrf()).param("name", "Forms " + s)
                        .param("objective", "Again").param("stage", "ACTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already exists")));
        mvc.perform(post("/portfolio/workflows").with(ADMIN).with(csrf()).param("key", "forms-" + s)
                        .param("name", "Forms workflow").param("initiative", "Forms " + s).param("stage", "PILOT"))
                .andExpect(redirectedUrl("/portfolio/workflows/forms-" + s));
        mvc.perform(get("/portfolio/workflows/forms-" + s).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Promotion gate")))
                .andExpect(content().string(containsString("ACCOUNTABLE_OWNER is held by nobody.")));
        mvc.perform(post("/portfolio/workflows/forms-" + s + "/stage").with(ADMIN).with(csrf()).param("stage", "PRODUCTION"))
                .andExpect(redirectedUrl("/portfolio/workflows/forms-" + s + "#gate"))
                .andExpect(flash().attribute("actionErrorCode", "GATE_FAILED"));
        mvc.perform(post("/portfolio/workflows/forms-" + s + "/data-sources").with(ADMIN).with(csrf())
                        .param("name", "Ledger").param("owningSystem", "ERP"))
                .andExpect(flash().attribute("flashMessage", "The data source was added."));
        mvc.perform(post("/portfolio/workflows").with(ADMIN).with(csrf()).param("key", "Not A Key")
                        .param("name", "Bad").param("stage", "IDEA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lower-case letters, digits and dashes")));
    }

    @Test
    void theOperatingModelPageShowsADryRunBeforeApplying() throws Exception {
        String yaml = """
                apiVersion: pitwall/v1
                kind: Workflow
                metadata:
                  key: page-%s
                  name: Page workflow
                spec:
                  stage: IDEA
                """.formatted(s);
        mvc.perform(post("/portfolio/operating-model").with(ADMIN).with(csrf()).param("yaml", yaml).param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dry run: <span>1</span> to create")));
        mvc.perform(get("/portfolio/workflows/page-" + s).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(post("/portfolio/operating-model").with(ADMIN).with(csrf()).param("yaml", yaml).param("action", "apply"))
                .andExpect(redirectedUrl("/portfolio"))
                .andExpect(flash().attribute("flashMessage", "Applied: 1 created, 0 updated, 0 unchanged."));
        mvc.perform(post("/portfolio/operating-model").with(ADMIN).with(csrf()).param("yaml", yaml.replace("IDEA", "SOMEDAY"))
                        .param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("spec.stage")));
    }

    @Test
    void registersAnAiSystemWithTelemetryKeys() throws Exception {
        mvc.perform(post("/portfolio/systems").with(ADMIN).with(csrf()).param("key", "page-sys-" + s)
                        .param("name", "Page system").param("kind", "AGENT").param("models", "m1, m2")
                        .param("keyKind", "AGENT_NAME", "").param("keyValue", "page-agent-" + s, "")
                        .param("keyModel", "", ""))
                .andExpect(redirectedUrl("/portfolio/systems"));
        mvc.perform(get("/portfolio/systems").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("page-agent-" + s)))
                .andExpect(content().string(containsString("m1, m2")));
    }
}
