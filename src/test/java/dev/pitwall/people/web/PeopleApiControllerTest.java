package dev.pitwall.people.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonNotFound;
import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.PlatformProperties;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The people API controller alone: request mapping, parameters, JSON, permissions, problem details. */
@WebMvcTest(PeopleApiController.class)
@Import(PeopleApiControllerTest.Config.class)
class PeopleApiControllerTest {

    @TestConfiguration
    @EnableMethodSecurity
    @EnableConfigurationProperties(PlatformProperties.class)
    @Import(Paging.class)
    static class Config {
    }

    private static final Person ADA = new Person(7, "ada@example.org", "E7", "Ada", "Analyst", 3L, "Finance", null, null,
            Level.PRACTITIONER, Tier.INTEGRATOR, true, Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PersonService people;
    @MockitoBean
    SkillAssessmentService assessments;

    @Test
    @WithMockUser(authorities = "directory:read")
    void searchPassesEveryFilterAndPagesTheResult() throws Exception {
        PersonQuery query = new PersonQuery("ada", 3L, Level.PRACTITIONER, Tier.INTEGRATOR, true, null);
        when(people.search(eq(query), eq(PersonSort.TEAM), eq(new PageQuery(2, 10))))
                .thenReturn(PageResult.of(List.of(ADA), new PageQuery(2, 10), 21));
        mvc.perform(get("/api/v1/people").param("q", "ada").param("team", "3").param("level", "PRACTITIONER")
                        .param("tier", "INTEGRATOR").param("active", "true").param("sort", "TEAM")
                        .param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].email").value("ada@example.org"))
                .andExpect(jsonPath("$.content[0].teamName").value("Finance"))
                .andExpect(jsonPath("$.totalElements").value(21))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    @WithMockUser(authorities = "directory:read")
    void anUnknownPersonIsAProblem404() throws Exception {
        when(people.get(99)).thenThrow(new PersonNotFound(99));
        mvc.perform(get("/api/v1/people/99"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PERSON_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:pitwall:problem:person-not-found"));
    }

    @Test
    @WithMockUser(authorities = "directory:read")
    void readersCannotCreatePeople() throws Exception {
        mvc.perform(post("/api/v1/people").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"x@y.org\",\"name\":\"X\",\"level\":\"MANAGER\",\"tier\":\"CONSUMER\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        verifyNoInteractions(assessments);
    }

    @Test
    @WithMockUser(authorities = "directory:write")
    void writersCreatePeopleAndGetTheirLocation() throws Exception {
        when(people.create(any())).thenReturn(ADA);
        mvc.perform(post("/api/v1/people").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@example.org\",\"name\":\"Ada\",\"level\":\"PRACTITIONER\",\"tier\":\"INTEGRATOR\"}"))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Location", "/api/v1/people/7"));
    }

    @Test
    @WithMockUser(authorities = "directory:read")
    void aBadEnumParameterNamesTheParameter() throws Exception {
        mvc.perform(get("/api/v1/people").param("level", "CEO"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }
}
