package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PitwallIntegrationTest
class PeopleImportIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;

    private String domain;

    @BeforeEach
    void uniqueDomain() {
        // Never starts with "d": the files below mark the domain as "@d", which is replaced.
        domain = "@t" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    private ResultActions importCsv(String path, String csv) throws Exception {
        return mvc.perform(post(path).with(ADMIN).contentType("text/csv").content(csv.replace("@d", domain)));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static final String PEOPLE = """
            email,name,title,team,manager_email,level,tier,external_id
            boss@d,Bea Boss,Director,Import Team X,,EXECUTIVE,CONSUMER,
            ann@d,Ann Analyst,Analyst,Import Team X,boss@d,PRACTITIONER,INTEGRATOR,
            bob@d,Bob Builder,Engineer,,ann@d,practitioner,builder,
            """;

    @Test
    void importsPeopleWithManagersFromTheSameFileAndCreatesTeams() throws Exception {
        String csv = PEOPLE.replace("Import Team X", "Import " + domain);
        importCsv("/api/v1/people/import", csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.teamsCreated[0]").value("Import " + domain));
        Person bob = people.findByEmail("bob" + domain).orElseThrow();
        Person ann = people.findByEmail("ann" + domain).orElseThrow();
        assertThat(bob.managerId()).isEqualTo(ann.id());
        assertThat(bob.tier()).isEqualTo(Tier.BUILDER);
        assertThat(ann.teamName()).isEqualTo("Import " + domain);
        assertThat(auditLog.find(new AuditQuery("PERSON", String.valueOf(bob.id()), null, null, null, null),
                new PageQuery(0, 10)).totalElements()).isEqualTo(1);

        importCsv("/api/v1/people/import", csv)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
    }

    @Test
    void columnsLeftOutKeepTheirValuesAndPresentOnesUpdate() throws Exception {
        importCsv("/api/v1/people/import", PEOPLE.replace("Import Team X", "Import " + domain)).andExpect(status().isOk());
        importCsv("/api/v1/people/import", "Email,Title\nANN@d,Lead Analyst\n")
                .andExpect(jsonPath("$.updated").value(1));
        Person ann = people.findByEmail("ann" + domain).orElseThrow();
        assertThat(ann.title()).isEqualTo("Lead Analyst");
        assertThat(ann.tier()).isEqualTo(Tier.INTEGRATOR);
        assertThat(ann.managerName()).isEqualTo("Bea Boss");
        importCsv("/api/v1/people/import", "email,active\nann@d,false\n").andExpect(jsonPath("$.updated").value(1));
        assertThat(people.findByEmail("ann" + domain).orElseThrow().active()).isFalse();
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryLineNamed() throws Exception {
        long peopleBefore = count("people_person");
        long auditBefore = count("platform_audit_entry");
        long teamsBefore = count("people_team");
        importCsv("/api/v1/people/import", """
                email,name,team,level,tier,manager_email
                good@d,Good Person,Brand New Team,PRACTITIONER,CONSUMER,
                not-an-email,Bad Email,,PRACTITIONER,CONSUMER,
                good@d,Twice,,PRACTITIONER,CONSUMER,
                lvl@d,Bad Level,,WIZARD,CONSUMER,
                nobody@d,,,PRACTITIONER,CONSUMER,
                orphan@d,Orphan,,PRACTITIONER,CONSUMER,ghost@d
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CSV_INVALID"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was imported")))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].reason").value(org.hamcrest.Matchers.containsString("already appears on line 2")))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].field").value("level"))
                .andExpect(jsonPath("$.errors[3].line").value(6))
                .andExpect(jsonPath("$.errors[3].field").value("name"))
                .andExpect(jsonPath("$.errors[4].line").value(7))
                .andExpect(jsonPath("$.errors[4].field").value("manager_email"));
        assertThat(count("people_person")).isEqualTo(peopleBefore);
        assertThat(count("people_team")).isEqualTo(teamsBefore);
        assertThat(count("platform_audit_entry")).isEqualTo(auditBefore);
    }

    @Test
    void aManagementCycleInTheFileIsRefused() throws Exception {
        importCsv("/api/v1/people/import", """
                email,name,manager_email
                a@d,A,b@d
                b@d,B,a@d
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("manager_email"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("own manager")));
    }

    @Test
    void aMissingRequiredColumnIsReportedOnTheHeaderLine() throws Exception {
        importCsv("/api/v1/people/import", "name,title\nA,B\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void importsAssessmentsAndLearningRecordsByEmailOrExternalId() throws Exception {
        importCsv("/api/v1/people/import", "email,name,external_id\nlea@d,Lea Learner,EXT" + domain + "\n")
                .andExpect(status().isOk());
        importCsv("/api/v1/skill-assessments/import", """
                email,external_id,skill,level,assessed_on,source
                lea@d,,Prompt writing,1,2026-01-05,survey
                ,EXT@d,prompt WRITING,2,2026-03-05,manager review
                """.replace("EXT@d", "EXT" + domain))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        importCsv("/api/v1/learning-records/import", """
                email,course,skill,status,score,completed_on,workflow
                lea@d,Prompting at Work,Prompt writing,passed,88,2026-03-01,email-triage
                lea@d,Responsible AI Essentials,,failed,41.5,2026-03-02,
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        importCsv("/api/v1/learning-records/import", """
                email,course,status,score,completed_on
                lea@d,Prompting at Work,passed,95,2026-03-01
                """)
                .andExpect(jsonPath("$.updated").value(1));
        Person lea = people.findByEmail("lea" + domain).orElseThrow();
        assertThat(jdbc.sql("SELECT score FROM people_learning_record WHERE person_id = ? AND status = 'PASSED'")
                .param(lea.id()).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("95");
    }

    @Test
    void assessmentLinesNameEachProblem() throws Exception {
        importCsv("/api/v1/people/import", "email,name\nzoe@d,Zoe\n").andExpect(status().isOk());
        long before = count("people_skill_assessment");
        importCsv("/api/v1/skill-assessments/import", """
                email,skill,level,assessed_on
                zoe@d,Prompt writing,2,2026-01-05
                ghost@d,Prompt writing,2,2026-01-05
                zoe@d,Juggling,2,2026-01-05
                zoe@d,Prompt writing,7,2026-01-05
                zoe@d,Prompt writing,2,2099-01-01
                zoe@d,Prompt writing,2,05/01/2026
                zoe@d,Prompt writing,3,2026-01-05
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[1].field").value("skill"))
                .andExpect(jsonPath("$.errors[2].field").value("level"))
                .andExpect(jsonPath("$.errors[3].reason").value(org.hamcrest.Matchers.containsString("future")))
                .andExpect(jsonPath("$.errors[4].field").value("assessed_on"))
                .andExpect(jsonPath("$.errors[5].line").value(8))
                .andExpect(jsonPath("$.errors[5].reason").value(org.hamcrest.Matchers.containsString("repeats line 2")));
        assertThat(count("people_skill_assessment")).isEqualTo(before);
    }

    @Test
    void acceptsAMultipartUpload() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                "email,name\nmulti@d,Multi Part\n".replace("@d", domain).getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/people/import").file(file).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void refusesAFileOverTheSizeLimit() throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        while (csv.length() < 21 * 1024 * 1024) {
            csv.append("x".repeat(1000)).append("@d,Big\n");
        }
        importCsv("/api/v1/people/import", csv.toString())
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("IMPORT_TOO_LARGE"));
    }
}
