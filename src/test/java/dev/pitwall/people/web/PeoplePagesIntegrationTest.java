package dev.pitwall.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The directory pages, rendered by the real templates on the real database. */
@PitwallIntegrationTest
class PeoplePagesIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listsFiltersAndAnswersHtmxWithTheResultsOnly() throws Exception {
        Team team = teams.create(new TeamDraft(unique("Pages "), null, null));
        String name = unique("Quincy ");
        people.create(new PersonDraft(unique("q") + "@pages.test", null, name, "Dispatcher", team.id(), null,
                Level.FRONTLINE, Tier.CONSUMER, true));
        mvc.perform(get("/people").param("team", String.valueOf(team.id())).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("1</span> people")))
                .andExpect(content().string(containsString("<nav class=\"navbar")));
        mvc.perform(get("/people").param("q", name).header("HX-Request", "true").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("<nav class=\"navbar"))));
    }

    @Test
    void showsAPersonWithManagerAndReports() throws Exception {
        Person boss = people.create(new PersonDraft(unique("b") + "@pages.test", null, unique("Boss "), "Head", null, null,
                Level.EXECUTIVE, Tier.CONSUMER, true));
        Person report = people.create(new PersonDraft(unique("r") + "@pages.test", null, unique("Report "), "Clerk", null,
                boss.id(), Level.PRACTITIONER, Tier.CONSUMER, true));
        mvc.perform(get("/people/" + report.id()).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(boss.name())));
        mvc.perform(get("/people/" + boss.id()).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString(report.name())))
                .andExpect(content().string(containsString("Direct reports (<span>1</span>)")));
    }

    @Test
    void theFormCreatesAPersonOrShowsWhatIsWrong() throws Exception {
        String email = unique("form") + "@pages.test";
        mvc.perform(post("/people/new").with(ADMIN).with(csrf()).param("name", "Form Person").param("email", email)
                        .param("level", "PRACTITIONER").param("tier", "CONSUMER").param("active", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/people/*"));
        assertThat(people.findByEmail(email)).hasValueSatisfying(p -> assertThat(p.active()).isTrue());
        mvc.perform(post("/people/new").with(ADMIN).with(csrf()).param("name", "Again").param("email", email)
                        .param("level", "PRACTITIONER").param("tier", "CONSUMER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Another person already has the email")));
        mvc.perform(post("/people/new").with(ADMIN).with(csrf()).param("name", "No Manager").param("email", unique("m") + "@pages.test")
                        .param("managerEmail", "ghost@nowhere.test").param("level", "PRACTITIONER").param("tier", "CONSUMER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no person has the email ghost@nowhere.test")));
        mvc.perform(post("/people/new").with(ADMIN).with(csrf()).param("name", "Bad Team").param("email", unique("t") + "@pages.test")
                        .param("teamId", "abc").param("level", "PRACTITIONER").param("tier", "CONSUMER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("teamId")));
    }

    @Test
    void theImportPageShowsEveryBadLine() throws Exception {
        MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
                "email,name\nnot-an-email,X\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/people/import/people").file(bad).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nothing was imported")))
                .andExpect(content().string(containsString("is not a valid email address")));
        MockMultipartFile good = new MockMultipartFile("file", "good.csv", "text/csv",
                ("email,name\n" + unique("i") + "@pages.test,Imported Person\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/people/import/people").file(good).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1</span> created")));
    }

    @Test
    void teamsAndSkillsPagesCreateThroughForms() throws Exception {
        String team = unique("Form Team ");
        mvc.perform(post("/teams").with(ADMIN).with(csrf()).param("name", team))
                .andExpect(redirectedUrlPattern("/teams/*"));
        mvc.perform(get("/teams").with(ADMIN).accept(MediaType.TEXT_HTML)).andExpect(content().string(containsString(team)));
        String skill = unique("Form Skill ");
        mvc.perform(post("/skills").with(ADMIN).with(csrf()).param("name", skill).param("category", "Test"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/skills"));
        mvc.perform(get("/skills").with(ADMIN).accept(MediaType.TEXT_HTML)).andExpect(content().string(containsString(skill)));
    }

    @Test
    void theHomePageShowsTheDirectoryFigures() throws Exception {
        mvc.perform(get("/").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skills assessed")))
                // Every capability is built now: none is marked as not built.
                .andExpect(content().string(containsString("Which workflow should be redesigned first?")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("not built yet"))));
    }
}
