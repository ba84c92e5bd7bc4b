package dev.pitwall.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.DatabaseAvailability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Starting with the demo profile on an empty database generates Northwind Freight. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class DemoOrganizationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    AuditLog auditLog;
    @Autowired
    DemoOrganization demo;

    @Test
    void theApiListsOverAThousandPeopleInTwelveTeams() throws Exception {
        mvc.perform(get("/api/v1/people").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(greaterThan(1_000)));
        mvc.perform(get("/api/v1/teams").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.length()").value(12));
        mvc.perform(get("/api/v1/learning-records").param("workflow", "email-triage").with(httpBasic("viewer", "demo")))
                .andExpect(jsonPath("$.totalElements").value(greaterThan(100)));
    }

    @ParameterizedTest
    @CsvSource({"admin,ADMIN", "exec,EXECUTIVE", "owner,OWNER", "contributor,CONTRIBUTOR", "viewer,VIEWER"})
    void eachDemoUserSignsInWithTheWordDemo(String username, String role) throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.role").value(role));
    }

    @Test
    void generationIsAuditedAndNotRepeatedOnRestart() {
        long before = people.search(PersonQuery.everyone(), PersonSort.NAME, new PageQuery(0, 1)).totalElements();
        demo.run(new DefaultApplicationArguments());
        assertThat(people.search(PersonQuery.everyone(), PersonSort.NAME, new PageQuery(0, 1)).totalElements())
                .isEqualTo(before);
        var verification = auditLog.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entriesChecked()).isGreaterThan(before);
    }
}
