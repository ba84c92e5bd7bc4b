package dev.pitwall.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.web.GettingStarted;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The getting-started checklist: one step per thing an organization sets up, ticked by its data. */
@PitwallIntegrationTest
class GettingStartedIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    GettingStartedSection section;
    @Autowired
    List<GettingStarted> contributors;

    @SuppressWarnings("unchecked")
    private List<GettingStarted.Step> steps() {
        return (List<GettingStarted.Step>) section.model().get("steps");
    }

    private GettingStarted.Step step(String title) {
        return steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theEightStepsComeInOrderFromTheModulesThatOwnThem() {
        assertThat(steps()).extracting(GettingStarted.Step::title).containsExactly(
                "Add a team", "Add people, or import them from an HR export", "Register an AI system",
                "Register a workflow", "Assign a workflow's decision rights", "Define a KPI with its baseline",
                "Create an API token", "Send the first usage events");
        assertThat(contributors).hasSize(5);
    }

    @Test
    void aStepIsTickedOnceItsDataExists() throws Exception {
        mvc.perform(post("/api/v1/teams").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Getting started " + UUID.randomUUID() + "\"}")).andExpect(status().isCreated());
        assertThat(step("Add a team").done()).isTrue();
        assertThat(step("Add a team").path()).isEqualTo("/teams");

        String key = "getting-started-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\",\"name\":\"Getting started\",\"stage\":\"IDEA\"}"))
                .andExpect(status().isCreated());
        assertThat(step("Register a workflow").done()).isTrue();
    }

    @Test
    void homeShowsTheChecklistUntilEveryStepIsDone() throws Exception {
        boolean complete = (Boolean) section.model().get("complete");
        var home = mvc.perform(get("/").with(ADMIN).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        if (complete) {
            home.andExpect(content().string(not(containsString("id=\"getting-started\""))));
        } else {
            home.andExpect(content().string(containsString("id=\"getting-started\"")));
            for (GettingStarted.Step s : steps()) {
                home.andExpect(content().string(containsString(s.title().replace("'", "&#39;"))))
                        .andExpect(content().string(containsString("href=\"" + s.path() + "\"")));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSectionCountsAndSortsTheSteps() {
        GettingStarted later = () -> List.of(new GettingStarted.Step(20, "B", "", "/b", false));
        GettingStarted earlier = () -> List.of(new GettingStarted.Step(10, "A", "", "/a", true));
        var model = new GettingStartedSection(List.of(later, earlier)).model();
        assertThat((List<GettingStarted.Step>) model.get("steps")).extracting(GettingStarted.Step::title)
                .containsExactly("A", "B");
        assertThat(model.get("done")).isEqualTo(1L);
        assertThat(model.get("complete")).isEqualTo(false);
        assertThat(new GettingStartedSection(List.of(earlier)).model().get("complete")).isEqualTo(true);
    }
}
