package dev.pitwall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A fresh installation on the embedded file database, as {@code ./mvnw spring-boot:run} makes one,
 * keeps accepting writes after the pool has replaced the connection that ran the migrations (which
 * HikariCP does at {@code max-lifetime}, here forced at once). H2 2.4 then failed every insert into
 * a table with a CHECK constraint with "The database has been closed", while health stayed UP.
 * H2 only: the PostgreSQL pass never ran into it.
 */
@SpringBootTest(properties = "spring.datasource.hikari.max-lifetime=30000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EmbeddedDatabaseWritesTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDirectory.resolve("pitwall")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void acceptsWritesAfterTheMigratingConnectionWasRetired() throws Exception {
        retireEveryConnection();
        mvc.perform(get("/actuator/health").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.databaseWrites.status").value("UP"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        long person = id(post("/api/v1/people"), """
                {"email":"ann@embedded.test","name":"Ann","level":"PRACTITIONER","tier":"CONSUMER"}""");
        long skill = ((Number) JsonPath.read(mvc.perform(get("/api/v1/skills").with(ADMIN))
                .andReturn().getResponse().getContentAsString(), "$[0].id")).longValue();
        id(post("/api/v1/skill-assessments"), """
                {"personId":%d,"skillId":%d,"level":2,"assessedOn":"%s","source":"test"}""".formatted(person, skill, today));
        id(post("/api/v1/learning-records"), """
                {"personId":%d,"course":"Basics","status":"COMPLETED","completedOn":"%s","source":"test"}"""
                .formatted(person, today));
        id(post("/api/v1/ai-systems"), """
                {"key":"embedded","name":"Embedded","kind":"AGENT","telemetryKeys":[]}""");
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"embedded","name":"Embedded","stage":"PILOT","systems":["embedded"]}"""))
                .andExpect(status().isCreated());
        id(post("/api/v1/workflows/embedded/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY"}""");
        mvc.perform(post("/api/v1/deployments").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"system":"embedded","version":"1.0","time":"%sT09:00:00Z","status":"SUCCEEDED"}""".formatted(today.minusDays(1))))
                .andExpect(status().isCreated());
    }

    /**
     * What max-lifetime does over time: the pool closes its connections, the one that ran the
     * migrations among them, and opens new ones, while the database stays open (at least one other
     * connection is always open; here a connection of the test's own).
     */
    private void retireEveryConnection() throws java.sql.SQLException {
        keepOpen = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
        var pool = dataSource.getHikariPoolMXBean();
        pool.softEvictConnections();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveConnections() == 0);
    }

    private java.sql.Connection keepOpen;

    @org.junit.jupiter.api.AfterEach
    void closeOwnConnection() throws java.sql.SQLException {
        if (keepOpen != null) {
            keepOpen.close();
        }
    }

    private long id(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        String response = mvc.perform(request.with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }
}
