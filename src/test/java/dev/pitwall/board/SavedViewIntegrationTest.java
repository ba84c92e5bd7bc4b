package dev.pitwall.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Named views: saved per user with only scorecard pages and known filters, opened by anyone by
 * their link (a redirect to the scorecard with its filters), deleted only by their owner.
 */
@PitwallIntegrationTest
class SavedViewIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    @Test
    void aViewIsSavedOpenedByItsLinkAndKeptToScorecardPages() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser("sv-a-" + s, "A", "a-" + s + "@views.test", Role.EXECUTIVE, "saved-view-password"));
        users.create(new NewUser("sv-b-" + s, "B", "b-" + s + "@views.test", Role.VIEWER, "saved-view-password"));
        RequestPostProcessor a = httpBasic("sv-a-" + s, "saved-view-password");
        RequestPostProcessor b = httpBasic("sv-b-" + s, "saved-view-password");

        var saved = mvc.perform(post("/api/v1/saved-views").with(a).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"Workforce-bound","path":"/scorecards","query":"constraint=WORKFORCE&stage=PRODUCTION&asOf="}""")).andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(201);
        long id = JsonPath.<Number>read(saved.getContentAsString(), "$.id").longValue();
        // Known filters only, in a fixed order, blanks dropped.
        assertThat(JsonPath.<String>read(saved.getContentAsString(), "$.query")).isEqualTo("constraint=WORKFORCE&stage=PRODUCTION");
        assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/v1/saved-views").with(a)).andReturn().getResponse()
                .getContentAsString(), "$[*].name")).containsExactly("Workforce-bound");
        assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/v1/saved-views").with(b)).andReturn().getResponse()
                .getContentAsString(), "$[*].name")).isEmpty();

        // Anyone opens it by its link.
        var opened = mvc.perform(get("/board/views/" + id).with(b)).andReturn().getResponse();
        assertThat(opened.getStatus()).isEqualTo(303);
        assertThat(opened.getHeader("Location")).isEqualTo("/scorecards?constraint=WORKFORCE&stage=PRODUCTION");

        // Refused whole, naming each field: a page that is not a scorecard, an unknown parameter, a name taken.
        var bad = mvc.perform(post("/api/v1/saved-views").with(a).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"Workforce-bound","path":"https://evil.example/","query":"next=/admin"}""")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(bad.getContentAsString(), "$.errors[*].field")).containsExactly("name", "path", "query");
        var badValue = mvc.perform(post("/api/v1/saved-views").with(a).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"Odd","path":"/scorecards/teams/3","query":"stage=<b>"}""")).andReturn().getResponse();
        assertThat(badValue.getStatus()).isEqualTo(400);
        assertThat(badValue.getContentAsString()).contains("the value of 'stage' is not a filter value");

        // Only its owner deletes it.
        assertThat(mvc.perform(delete("/api/v1/saved-views/" + id).with(b)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(delete("/api/v1/saved-views/" + id).with(a)).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get("/board/views/" + id).with(a)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
