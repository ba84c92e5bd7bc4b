package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Native usage events through the API, on H2 and on PostgreSQL (COPY). */
@PitwallIntegrationTest
class UsageEventIngestionIntegrationTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    dev.pitwall.telemetry.UsageEventService usageEvents;
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
    IngestionLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UsageFacts facts;
    @Autowired
    dev.pitwall.telemetry.internal.UsageEventPartitions partitions;
    @Autowired
    dev.pitwall.telemetry.internal.EventKeyPartitions keyPartitions;
    @Autowired
    dev.pitwall.telemetry.internal.UsageEventStore eventStore;

    TelemetryFixture org;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() {
        org = new TelemetryFixture(people, teams, systems, workflows);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void storesValidLinesNamesEachRejectedLineAndCountsRetriesAsDuplicates() throws Exception {
        String body = lines(
                org.event("a", "2026-10-01T09:00:00Z", org.member.email(), "\"inputTokens\":120,\"outputTokens\":30,"
                        + "\"cost\":0.25,\"latencyMs\":900,\"outcome\":\"accepted\",\"operation\":\"chat\","
                        + "\"attributes\":{\"ticket\":\"T-1\"}"),
                org.event("b", "2026-10-01T10:00:00+02:00", org.outsider.externalId(), "\"error\":true"),
                "{broken",
                org.event("c", "2026-10-01T11:00:00Z", "ghost@telemetry.test", null),
                org.event("d", "yesterday", org.member.email(), "\"inputTokens\":\"many\",\"tokens\":5"),
                "",
                org.event("a", "2026-10-01T09:00:00Z", org.member.email(), null));
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.rejections[0].line").value(3))
                .andExpect(jsonPath("$.rejections[1].line").value(4))
                .andExpect(jsonPath("$.rejections[1].field").value("person"))
                .andExpect(jsonPath("$.rejections[?(@.line == 5)].field").value(
                        Matchers.containsInAnyOrder("time", "inputTokens", "tokens")));

        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(3));

        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].id").value("a-" + org.suffix))
                .andExpect(jsonPath("$.content[0].personId").value(org.member.id()))
                .andExpect(jsonPath("$.content[0].inputTokens").value(120))
                .andExpect(jsonPath("$.content[0].cost").value(0.25))
                .andExpect(jsonPath("$.content[0].outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$.content[0].attributes.ticket").value("T-1"))
                .andExpect(jsonPath("$.content[0].attribution").value("NONE"))
                .andExpect(jsonPath("$.content[1].time").value("2026-10-01T08:00:00Z"))
                .andExpect(jsonPath("$.content[1].error").value(true));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("person", org.outsider.email()))
                .andExpect(jsonPath("$.totalElements").value(1));
        // Keys that name no AI system or workflow match nothing (not "no filter").
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", "no-such-system-" + org.suffix))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("workflow", "no-such-workflow-" + org.suffix))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system)
                        .param("person", org.member.email()).param("attribution", "NONE"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value("a-" + org.suffix));
        // A range of instants: a's 09:00Z is in [08:30Z, 09:00:01Z), b's 08:00Z is not; a range ending at
        // midnight and one starting the next day hold neither.
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system)
                        .param("from", "2026-10-01T08:30:00Z").param("to", "2026-10-01T09:00:01Z"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value("a-" + org.suffix));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system)
                        .param("from", "2026-09-30T00:00:00Z").param("to", "2026-10-01T00:00:00Z"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/usage-events").with(ADMIN).param("system", org.system)
                        .param("from", "2026-10-01T07:59:59Z").param("to", "2026-10-02T00:00:00Z"))
                .andExpect(jsonPath("$.totalElements").value(2));

        rollups.rollUpPending();
        List<DailyUsage> days = usage.daily(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), org.system, null);
        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day.events()).isEqualTo(2);
            assertThat(day.activePeople()).isEqualTo(2L);
            assertThat(day.inputTokens()).isEqualTo(120);
            assertThat(day.errors()).isEqualTo(1);
            assertThat(day.accepted()).isEqualTo(1);
            assertThat(day.unknownOutcome()).isEqualTo(1);
            assertThat(day.meanLatencyMs()).isEqualTo(900.0);
        });
    }

    /** Scorecards are cached by this version: an idle rollup run must not look like new usage. */
    @Test
    void theUsageVersionMovesWhenRollupsChangeAndNotOnAnIdleRun() throws Exception {
        rollups.rollUpPending();
        String idle = facts.version();
        rollups.rollUpPending();
        rollups.rollUpPending();
        assertThat(facts.version()).isEqualTo(idle);

        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON)
                        .content(lines(org.event("v", "2026-10-02T09:00:00Z", org.member.email(), null))))
                .andExpect(jsonPath("$.accepted").value(1));
        rollups.rollUpPending();
        String added = facts.version();
        assertThat(added).isNotEqualTo(idle);

        rollups.rebuild(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2));
        assertThat(facts.version()).isNotEqualTo(added);
    }

    @Test
    void aRequestWithNoValidEventIsRefusedAndStoresNothingButItsAccounting() throws Exception {
        String body = lines(org.event("x", "2026-10-02T09:00:00Z", "ghost@telemetry.test", null),
                "{\"id\":\"y\",\"time\":\"2999-01-01T00:00:00Z\",\"system\":\"" + org.system + "\"}");
        String response = mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("USAGE_EVENTS_REJECTED"))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[?(@.line == 2 && @.field == 'time')].reason").value(
                        Matchers.hasItem(containsString("future"))))
                .andReturn().getResponse().getContentAsString();
        long batchId = com.jayway.jsonpath.JsonPath.<Number>read(response, "$.batchId").longValue();
        mvc.perform(get("/api/v1/ingestion-batches/" + batchId).with(ADMIN))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.rejections.length()").value(3));
        assertThat(storedFor(org.system)).isZero();
    }

    @Test
    void aJsonArrayIsNumberedByPositionAndBrokenJsonStoresNothing() throws Exception {
        String array = "[" + org.event("p1", "2026-10-03T09:00:00Z", org.member.email(), null) + ",\n"
                + org.event("p2", "2026-10-03T09:00:00Z", org.member.email(), "\"outcome\":\"MAYBE\"") + "]";
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(MediaType.APPLICATION_JSON).content(array))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejections[0].line").value(2))
                .andExpect(jsonPath("$.rejections[0].field").value("outcome"));
        String broken = "[" + org.event("p3", "2026-10-03T09:00:00Z", org.member.email(), null) + ",\n{\"id\": ";
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(MediaType.APPLICATION_JSON).content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"))
                .andExpect(jsonPath("$.errors[0].line").value(2));
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":1,\"time\":\"2026-10-03T10:00:00Z\",\"person\":\"" + org.member.email()
                                + "\",\"system\":\"" + org.system + "\",\"workflow\":\"" + org.workflow + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(storedFor(org.system)).isEqualTo(2);
    }

    @Test
    void acceptsGzipAndRefusesBrokenGzipAndUnknownEncodings() throws Exception {
        byte[] plain = lines(org.event("g1", "2026-10-04T09:00:00Z", org.member.email(), null))
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        }
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).header("Content-Encoding", "gzip")
                        .content(zipped.toByteArray()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).header("Content-Encoding", "gzip")
                        .content(plain))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).header("Content-Encoding", "br")
                        .content(plain))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("UNSUPPORTED_ENCODING"));
        assertThat(storedFor(org.system)).isEqualTo(1);
    }

    @Test
    void moreEventsThanARequestMayCarryAnswers413() throws Exception {
        String body = org.event("big", "2026-10-04T09:00:00Z", org.member.email(), null) + "\n" + "{}\n".repeat(50_000);
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("INGESTION_TOO_LARGE"));
        assertThat(storedFor(org.system)).isZero();
    }

    @Test
    void aBusyNodeAnswers429WithRetryAfterAndStoresNothing() throws Exception {
        int permits = 4;
        CountDownLatch holding = new CountDownLatch(permits);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(permits);
        try {
            for (int i = 0; i < permits; i++) {
                pool.submit(() -> limiter.run(() -> {
                    holding.countDown();
                    release.await();
                    return null;
                }));
            }
            holding.await();
            mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON)
                            .content(lines(org.event("busy", "2026-10-05T09:00:00Z", org.member.email(), null))))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.code").value("INGESTION_BUSY"));
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(storedFor(org.system)).isZero();
    }

    @Test
    void concurrentRetriesOfTheSameEventsStoreEachOnce() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append(org.event("r" + i, "2026-10-06T09:00:00Z", org.member.email(), "\"inputTokens\":1")).append('\n');
        }
        assertThat(sendThreeTimesAtOnce(body.toString())).containsExactly(300, 600);
        assertThat(storedFor(org.system)).isEqualTo(300);
        rollups.rollUpPending();
        assertThat(usage.daily(LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 6), org.system, null))
                .singleElement().satisfies(day -> assertThat(day.inputTokens()).isEqualTo(300));
    }

    /**
     * An event is its id on its day: a retry (same id, same day) is a duplicate, the same id on
     * another day another event. Months never seen before get their partitions (on PostgreSQL) as
     * their events arrive, also when three clients bring them at once.
     */
    @Test
    void anEventIsItsIdOnItsDayAndNewMonthsGetPartitionsAsTheyArrive() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            body.append(org.event("m" + i, "2019-0%d-%02dT09:00:00Z".formatted(1 + i % 3, 1 + i % 28), org.member.email(),
                    "\"inputTokens\":1")).append('\n');
        }
        assertThat(sendThreeTimesAtOnce(body.toString())).containsExactly(90, 180);
        if (partitions.partitioned() && eventStore instanceof dev.pitwall.telemetry.internal.UsageEvents) {
            assertThat(partitions.existing()).extracting(p -> p.table()).contains("telemetry_usage_event_native_201901",
                    "telemetry_usage_event_native_201902", "telemetry_usage_event_native_201903");
        } else if (partitions.partitioned()) {
            // The ClickHouse store: the events' keys in PostgreSQL get the months' partitions.
            assertThat(keyPartitions.existing()).extracting(p -> p.table()).contains("telemetry_event_key_native_201901",
                    "telemetry_event_key_native_201902", "telemetry_event_key_native_201903");
        }
        // m0 was sent for 2019-01-01: later that day it is a retry, on another day another event.
        mvc.perform(post("/api/v1/usage-events").with(contributor).contentType(NDJSON).content(lines(
                        org.event("m0", "2019-01-01T17:30:00Z", org.member.email(), null),
                        org.event("m0", "2019-04-02T09:00:00Z", org.member.email(), null),
                        org.event("m0", "2019-04-02T10:00:00Z", org.member.email(), null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(2));
        assertThat(storedFor(org.system)).isEqualTo(91);
    }

    @Test
    void rolesDecideWhoSendsAndWhoReads() throws Exception {
        String line = lines(org.event("role", "2026-10-07T09:00:00Z", org.member.email(), null));
        for (Role role : List.of(Role.OWNER, Role.EXECUTIVE, Role.VIEWER)) {
            RequestPostProcessor user = httpBasic(TestUsers.create(users, role).username(), TestUsers.PASSWORD);
            mvc.perform(post("/api/v1/usage-events").with(user).contentType(NDJSON).content(line))
                    .andExpect(status().isForbidden());
        }
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/usage-events").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/telemetry").with(viewer).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/usage-events").contentType(NDJSON).content(line)).andExpect(status().isUnauthorized());
        assertThat(storedFor(org.system)).isZero();
    }

    /** Sends the body from three clients at once; the accepted and duplicate counts of the three answers. */
    private int[] sendThreeTimesAtOnce(String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> responses = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                responses.add(pool.submit(() -> mvc.perform(post("/api/v1/usage-events").with(contributor)
                        .contentType(NDJSON).content(body)).andReturn().getResponse().getContentAsString()));
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<String> response : responses) {
                accepted += com.jayway.jsonpath.JsonPath.<Integer>read(response.get(), "$.accepted");
                duplicates += com.jayway.jsonpath.JsonPath.<Integer>read(response.get(), "$.duplicates");
            }
            return new int[] {accepted, duplicates};
        } finally {
            pool.shutdown();
        }
    }

    /** Events stored for the AI system, counted through the event list (whichever store keeps them). */
    private long storedFor(String systemKey) {
        return usageEvents.find(new dev.pitwall.telemetry.UsageEventQuery(null, systemKey, null, null, null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 1)).totalElements();
    }
}
