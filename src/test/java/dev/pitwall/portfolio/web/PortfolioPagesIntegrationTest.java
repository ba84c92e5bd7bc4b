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
    void aWorkflowIsCreatedWithItsAiGoLiveAndItsRightsAreAssignedInOneForm() throws Exception {
        String key = "golive-" + s;
        mvc.perform(post("/portfolio/workflows").with(ADMIN).with(csrf()).param("key", key)
                        .param("name", "Go-live " + s).param("stage", "IDEA").param("aiGoLive", "2026-09-01"))
                .andExpect(redirectedUrl("/portfolio/workflows/" + key));
        mvc.perform(get("/api/v1/workflows/" + key + "/definition").with(ADMIN))
                .andExpect(content().string(containsString("2026-09-01")));
        mvc.perform(get("/portfolio/workflows/" + key + "/edit").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-09-01\"")));
        // Nine rights in one submit; a wrong holder refuses all of them and names the right.
        mvc.perform(post("/portfolio/workflows/" + key + "/rights/all").with(ADMIN).with(csrf())
                        .param("holder.ACCOUNTABLE_OWNER", "").param("note.ACCOUNTABLE_OWNER", "to be named")
                        .param("holder.OUTPUT_APPROVER", "nobody@nowhere.example").param("note.OUTPUT_APPROVER", ""))
                .andExpect(flash().attribute("actionError", containsString("OUTPUT_APPROVER.holder")));
        mvc.perform(get("/api/v1/workflows/" + key + "/decision-rights").with(ADMIN))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("to be named"))));
        mvc.perform(post("/portfolio/workflows/" + key + "/rights/all").with(ADMIN).with(csrf())
                        .param("holder.ACCOUNTABLE_OWNER", "").param("note.ACCOUNTABLE_OWNER", "to be named")
                        .param("holder.OUTPUT_APPROVER", "").param("note.OUTPUT_APPROVER", "the reviewer"))
                .andExpect(flash().attribute("flashMessage", "The decision rights were saved."));
        mvc.perform(get("/api/v1/workflows/" + key + "/decision-rights").with(ADMIN))
                .andExpect(content().string(containsString("to be named")))
                .andExpect(content().string(containsString("the reviewer")));
        // The edit form: an unreadable go-live is named and the form keeps what was typed.
        mvc.perform(post("/portfolio/workflows/" + key + "/edit").with(ADMIN).with(csrf())
                        .param("name", "Renamed " + s).param("aiGoLive", "first of September")
                        .param("steps[0].name", "Read the request").param("steps[0].actor", "AI"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-field=\"aiGoLive\"")))
                .andExpect(content().string(containsString("value=\"Renamed " + s + "\"")))
                .andExpect(content().string(containsString("value=\"Read the request\"")));
        mvc.perform(post("/portfolio/workflows/" + key + "/edit").with(ADMIN).with(csrf())
                        .param("name", "Renamed " + s).param("aiGoLive", "2026-09-01")
                        .param("steps[0].name", "Read the request").param("steps[0].actor", "AI")
                        .param("steps[1].name", "").param("roles[0].name", "Reviewer")
                        .param("roles[0].members[0]", ""))
                .andExpect(redirectedUrl("/portfolio/workflows/" + key));
        String email = "named-" + s + "@forms.test";
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(
                "{\"email\":\"" + email + "\",\"name\":\"Named Person " + s + "\",\"title\":\"Planner\","
                        + "\"level\":\"PRACTITIONER\",\"tier\":\"CONSUMER\"}")).andExpect(status().isCreated());
        mvc.perform(post("/portfolio/workflows/" + key + "/edit").with(ADMIN).with(csrf())
                        .param("name", "Renamed " + s).param("aiGoLive", "2026-09-01")
                        .param("steps[0].name", "Read the request").param("steps[0].actor", "AI")
                        .param("intendedPeople[0]", email).param("roles[0].name", "Reviewer"))
                .andExpect(redirectedUrl("/portfolio/workflows/" + key));
        mvc.perform(get("/portfolio/workflows/" + key + "/edit").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Named Person " + s + ", Planner")));
        mvc.perform(get("/api/v1/workflows/" + key + "/definition").with(ADMIN))
                .andExpect(content().string(containsString("Renamed " + s)))
                .andExpect(content().string(containsString("Read the request")))
                .andExpect(content().string(containsString("Reviewer")));
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
