package dev.pitwall.telemetry.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Kafka write path with no broker listening: a request's events are not acknowledged, so the
 * answer is 503 with {@code Retry-After}, and nothing of the request is recorded as received.
 */
@PitwallIntegrationTest
@TestPropertySource(properties = {
    "pitwall.telemetry.write-path=kafka",
    "pitwall.telemetry.kafka.writer.enabled=false",
    "pitwall.telemetry.kafka.writer.send-timeout=2s",
    "spring.kafka.bootstrap-servers=127.0.0.1:9",
    "spring.kafka.admin.operation-timeout=2s",
    "spring.kafka.admin.close-timeout=1s"})
class KafkaWritePathUnavailableIntegrationTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UsageEventService events;

    @Test
    void eventsTheBrokersDidNotAcknowledgeAreRefusedWith503AndNotRecorded() throws Exception {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        String actor = TestUsers.create(users, Role.CONTRIBUTOR).username();
        RequestPostProcessor contributor = httpBasic(actor, TestUsers.PASSWORD);
        String body = fx.event("a", "2026-10-10T09:00:00Z", fx.member.email(), null) + "\n"
                + fx.event("b", "2026-10-10T10:00:00Z", fx.member.email(), null) + "\n";

        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("INGESTION_QUEUE_UNAVAILABLE"));
        // Counted through the event list: the same on every event store.
        assertThat(events.find(new UsageEventQuery(null, fx.system, null, null, null, null, null, null),
                new PageQuery(0, 1)).totalElements()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_batch WHERE actor = ?").param(actor)
                .query(Long.class).single()).isZero();

        // Nothing to send, nothing waited for: refused lines are answered as on the direct path.
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON)
                        .content(fx.event("c", "2026-10-10T09:00:00Z", "ghost@nowhere.test", null) + "\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("USAGE_EVENTS_REJECTED"));
        assertThat(jdbc.sql("SELECT queued, rejected FROM telemetry_batch WHERE actor = ?").param(actor)
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2)).list()).containsExactly("0/1");

        // The ingestion page says the brokers do not answer instead of a backlog.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/telemetry")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("brokers not answering")));
    }
}
