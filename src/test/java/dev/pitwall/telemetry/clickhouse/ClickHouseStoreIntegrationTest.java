package dev.pitwall.telemetry.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.AttributionRuleDraft;
import dev.pitwall.telemetry.AttributionService;
import dev.pitwall.telemetry.DailyUsage;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.telemetry.TelemetryFixture;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageRollupService;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestClickHouse;
import dev.pitwall.testing.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ClickHouse event store in the whole application ({@code pitwall.telemetry.store=clickhouse}),
 * on H2 and on PostgreSQL, against a real ClickHouse server: events arrive through the API, their
 * keys alone go to the database, the events to ClickHouse; the event list, duplicates, rollups,
 * a batch that rolled back, re-attribution, latency signals and retention all read ClickHouse.
 */
@PitwallIntegrationTest
@ExtendWith(TestClickHouse.class)
@TestPropertySource(properties = "pitwall.telemetry.store=clickhouse")
class ClickHouseStoreIntegrationTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    static final ClickHouseClient DATABASE = TestClickHouse.newDatabase();

    @DynamicPropertySource
    static void clickhouse(DynamicPropertyRegistry registry) {
        registry.add("pitwall.telemetry.clickhouse.url", TestClickHouse.URL::toString);
        registry.add("pitwall.telemetry.clickhouse.database", DATABASE::database);
    }

    @AfterAll
    static void dropDatabase() {
        TestClickHouse.drop(DATABASE);
    }

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
    RollupService rollups;
    @Autowired
    UsageRollupService usage;
    @Autowired
    UsageSignals signals;
    @Autowired
    AttributionService attribution;
    @Autowired
    UsageEventStore store;
    @Autowired
    ClickHouseUsageEvents clickhouse;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    TelemetryFixture org;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        org = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    @Test
    void eventsGoToClickHouseTheirKeysToTheDatabaseAndDuplicatesCountOnce() throws Exception {
        assertThat(store).isInstanceOf(ClickHouseEventStore.class);
        String body = String.join("\n",
                org.event("a", "2026-10-01T09:00:00Z", org.member.email(), "\"inputTokens\":120,\"outputTokens\":30,"
                        + "\"cost\":0.25,\"latencyMs\":900,\"outcome\":\"accepted\",\"operation\":\"chat\","
                        + "\"attributes\":{\"ticket\":\"T-1\"}"),
                org.event("b", "2026-10-01T10:00:00+02:00", org.outsider.externalId(), "\"error\":true"),
                "{broken",
                org.event("a", "2026-10-01T09:00:00Z", org.member.email(), null)) + "\n";
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(1));
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(3));

        // Listed as soon as they are acknowledged (before any rollup), field by field.
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].id").value("a-" + org.suffix))
                .andExpect(jsonPath("$.content[0].personId").value(org.member.id()))
                .andExpect(jsonPath("$.content[0].systemKey").value(org.system))
                .andExpect(jsonPath("$.content[0].inputTokens").value(120))
                .andExpect(jsonPath("$.content[0].cost").value(0.25))
                .andExpect(jsonPath("$.content[0].outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$.content[0].attributes.ticket").value("T-1"))
                .andExpect(jsonPath("$.content[1].time").value("2026-10-01T08:00:00Z"))
                .andExpect(jsonPath("$.content[1].error").value(true));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system)
                        .param("from", "2026-10-01T08:30:00Z").param("to", "2026-10-01T09:00:01Z"))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("person", org.outsider.email()))
                .andExpect(jsonPath("$.totalElements").value(1));

        // The database holds the keys, not the events.
        assertThat(count("SELECT COUNT(*) FROM telemetry_usage_event WHERE event_id LIKE '%" + org.suffix + "'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM telemetry_event_key WHERE event_id LIKE '%" + org.suffix + "'"))
                .isEqualTo(2);

        rollups.rollUpPending();
        List<DailyUsage> days = usage.daily(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), org.system, null);
        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day.events()).isEqualTo(2);
            assertThat(day.activePeople()).isEqualTo(2L);
            assertThat(day.inputTokens()).isEqualTo(120);
            assertThat(day.cost()).isEqualByComparingTo("0.25");
            assertThat(day.errors()).isEqualTo(1);
            assertThat(day.accepted()).isEqualTo(1);
            assertThat(day.meanLatencyMs()).isEqualTo(900.0);
        });
    }

    @Test
    void eventsOfABatchThatRolledBackAreNeverSeenAndTheirRetryCountsOnce() throws Exception {
        long system = systems.findAll().stream().filter(s -> s.key().equals(org.system)).findFirst().orElseThrow().id();
        IncomingEvent lost = new IncomingEvent(1, "lost-" + org.suffix, Instant.parse("2026-10-03T09:00:00Z"),
                org.member.email(), org.system, null, null, "chat", null, 10L, 1L, null, null, false, Outcome.ACCEPTED,
                Map.of());
        // What a writer leaves in ClickHouse when the database's transaction then rolls back: no batch.
        clickhouse.insertAll(TelemetrySource.NATIVE, List.of(new ResolvedEvent(lost, org.member.id(),
                org.member.email(), system, null, dev.pitwall.telemetry.Attribution.NONE, null)), 987_654_321L,
                Instant.parse("2026-10-03T09:00:01Z"));
        rollups.rollUpPending();
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system))
                .andExpect(jsonPath("$.totalElements").value(0));
        assertThat(usage.daily(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 3), org.system, null)).isEmpty();

        // The client retries: the event is new to the ledger, stored and counted once.
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON)
                        .content(org.event("lost", "2026-10-03T09:00:00Z", org.member.email(), "\"inputTokens\":10") + "\n"))
                .andExpect(jsonPath("$.accepted").value(1));
        rollups.rollUpPending();
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system))
                .andExpect(jsonPath("$.totalElements").value(1));
        assertThat(usage.daily(LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 3), org.system, null))
                .singleElement().satisfies(day -> assertThat(day.events()).isEqualTo(1));
    }

    @Test
    void reattributionLatencyAndRetentionReadClickHouse() throws Exception {
        StringBuilder body = new StringBuilder();
        // 40 events of the system, no workflow named, half-hourly from 2026-09-30T10:00Z, 100 × (i + 1) ms.
        for (int i = 0; i < 40; i++) {
            body.append(org.event("r" + i, Instant.parse("2026-09-30T10:00:00Z").plusSeconds(1800L * i).toString(),
                    org.member.email(), "\"latencyMs\":" + (100 * (i + 1)) + ",\"operation\":\"chat\"")).append('\n');
        }
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body.toString()))
                .andExpect(jsonPath("$.accepted").value(40));
        rollups.rollUpPending();
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system).param("attribution", "NONE"))
                .andExpect(jsonPath("$.totalElements").value(40));

        // A re-attribution whose database transaction rolls back leaves ClickHouse as it was.
        long workflowId = workflows.get(org.workflow).id();
        transactions.executeWithoutResult(status -> {
            store.reattribute(java.util.stream.IntStream.range(0, 40).mapToObj(i -> new UsageEvents.Change("NATIVE",
                    "r" + i + "-" + org.suffix, Instant.parse("2026-09-30T10:00:00Z").plusSeconds(1800L * i)
                            .atOffset(java.time.ZoneOffset.UTC).toLocalDate(), workflowId,
                    dev.pitwall.telemetry.Attribution.RULE, null)).toList());
            status.setRollbackOnly();
        });
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system).param("attribution", "NONE"))
                .andExpect(jsonPath("$.totalElements").value(40));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("workflow", org.workflow))
                .andExpect(jsonPath("$.totalElements").value(0));

        attribution.create(new AttributionRuleDraft("chat " + org.suffix, 1, org.system, null, "chat", org.workflow,
                true));
        assertThat(attribution.reattribute(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-01")).changed())
                .isEqualTo(40);
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("workflow", org.workflow))
                .andExpect(jsonPath("$.totalElements").value(40))
                .andExpect(jsonPath("$.content[0].attribution").value("RULE"));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system).param("attribution", "NONE"))
                .andExpect(jsonPath("$.totalElements").value(0));
        List<DailyUsage> byWorkflow = usage.daily(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-01"), null,
                org.workflow);
        assertThat(byWorkflow).extracting(DailyUsage::events).containsExactly(28L, 12L);

        long workflow = workflowId;
        // i = 16 … 29 lie in [18:00Z, 01:00Z): 1,700 … 3,000 ms; p95 0.35 of the way from 2,900 to 3,000.
        UsageSignals.Latency window = signals.latency(UsageSignals.Target.workflow(workflow),
                Instant.parse("2026-09-30T18:00:00Z"), Instant.parse("2026-10-01T01:00:00Z"));
        assertThat(window.timedEvents()).isEqualTo(14);
        assertThat(window.p95()).isCloseTo(2_935.0, within(1e-6));
        assertThat(signals.dailyLatency(UsageSignals.Target.workflow(workflow), LocalDate.parse("2026-09-30"),
                LocalDate.parse("2026-10-01"))).containsOnlyKeys(LocalDate.parse("2026-09-30"),
                        LocalDate.parse("2026-10-01"));

        // Retention of September: its month goes from ClickHouse, its keys from the database.
        long dropped = store.forgetBefore(TelemetrySource.NATIVE, LocalDate.parse("2026-10-01"));
        assertThat(dropped).isGreaterThanOrEqualTo(28);
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("workflow", org.workflow))
                .andExpect(jsonPath("$.totalElements").value(12));
        assertThat(count("SELECT COUNT(*) FROM telemetry_event_key WHERE event_id LIKE '%" + org.suffix
                + "' AND event_day < DATE '2026-10-01'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM telemetry_event_key WHERE event_id LIKE '%" + org.suffix + "'"))
                .isEqualTo(12);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
