package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Pull mode: Pitwall asks Cursor's Admin API (here an in-process HTTP server replaying a recorded
 * answer) for the last days' usage with the configured key, and imports it; overlapping pulls add
 * nothing twice; a refusal by Cursor is a 502 that names the status and never the key.
 */
@PitwallIntegrationTest
class CursorPullIntegrationTest {

    private static final String KEY = "crsr_test_0123456789abcdef";
    private static final String SYSTEM = "cursor-pull-test";
    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final HttpServer cursor = start();
    /** What the server answers next: status and body. */
    private static volatile int answerStatus = 200;
    private static volatile byte[] answer = new byte[0];
    private static final List<String> authorizations = new ArrayList<>();
    private static final List<String> requests = new ArrayList<>();
    private static final AtomicInteger calls = new AtomicInteger();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/teams/daily-usage-data", exchange -> {
                calls.incrementAndGet();
                synchronized (requests) {
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                            + " " + exchange.getRequestMethod());
                }
                byte[] body = answer;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answerStatus, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void cursorAdminApi(DynamicPropertyRegistry registry) {
        registry.add("pitwall.telemetry.cursor.api-key", () -> KEY);
        registry.add("pitwall.telemetry.cursor.base-url", () -> "http://127.0.0.1:" + cursor.getAddress().getPort());
        registry.add("pitwall.telemetry.cursor.system", () -> SYSTEM);
        registry.add("pitwall.telemetry.cursor.every", () -> "24h");
    }

    @AfterAll
    static void stop() {
        cursor.stop(0);
    }

    @Autowired
    UsageEventService usageEvents;
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

    TelemetryFixture fx;
    RequestPostProcessor contributor;

    @BeforeEach
    void organization() throws Exception {
        fx = new TelemetryFixture(people, teams, systems, workflows);
        if (systems.findByKey(SYSTEM).isEmpty()) {
            mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"key\":\"" + SYSTEM + "\",\"name\":\"Cursor\",\"kind\":\"SAAS_COPILOT\"}"))
                    .andExpect(status().isCreated());
        }
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
        try (InputStream in = getClass().getResourceAsStream("/formats/cursor/daily-usage-data.json")) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("developer.one@example.com", fx.member.email())
                    .replace("contractor@example.org", "contractor-" + fx.suffix + "@example.org")
                    .replace("developer.two@example.com", "developer-two-" + fx.suffix + "@example.com")
                    .getBytes(StandardCharsets.UTF_8);
        }
        answerStatus = 200;
    }

    /** The member's and the contractor's events, counted through the event list (whichever store keeps them). */
    private long facts() {
        return stored(fx.member.email()) + stored("contractor-" + fx.suffix + "@example.org");
    }

    private long stored(String person) {
        return usageEvents.find(new UsageEventQuery(person, null, null, null, null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 1)).totalElements();
    }

    @Test
    void aPullAsksForTheLastDaysWithTheKeyAndImportsTheAnswerOnce() throws Exception {
        int before = calls.get();
        mvc.perform(post("/api/v1/imports/cursor/pull").with(contributor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(3))
                .andExpect(jsonPath("$.usage.skipped").value(1));
        assertThat(calls.get()).isEqualTo(before + 1);
        String authorization;
        String request;
        synchronized (requests) {
            authorization = authorizations.get(authorizations.size() - 1);
            request = requests.get(requests.size() - 1);
        }
        assertThat(authorization).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
        assertThat(request).endsWith(" POST");
        long start = JsonPath.<Number>read(request.substring(0, request.lastIndexOf(' ')), "$.startDate").longValue();
        long end = JsonPath.<Number>read(request.substring(0, request.lastIndexOf(' ')), "$.endDate").longValue();
        // Three days back from today (UTC), to now.
        assertThat(start).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli());
        assertThat(end).isBetween(start, System.currentTimeMillis());
        assertThat(facts()).isEqualTo(3);

        // The next pull overlaps: nothing twice.
        mvc.perform(post("/api/v1/imports/cursor/pull").with(contributor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usage.accepted").value(0))
                .andExpect(jsonPath("$.usage.duplicates").value(3));
        assertThat(facts()).isEqualTo(3);
    }

    @Test
    void aRefusalByCursorIsABadGatewayThatNeverShowsTheKey() throws Exception {
        answerStatus = 401;
        answer = "{\"error\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        String body = mvc.perform(post("/api/v1/imports/cursor/pull").with(contributor))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.code").value("CURSOR_UNAVAILABLE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("HTTP 401").contains("the API key was refused").doesNotContain(KEY);
        assertThat(facts()).isZero();

        // An answer that is not usage data: refused whole, as an upload would be.
        answerStatus = 200;
        answer = "{\"data\":[{\"date\":\"soon\",\"email\":\"x@example.com\"}]}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/imports/cursor/pull").with(contributor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CURSOR_REPORT_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
    }

    @Test
    void onlyThoseWhoMayIngestMayPull() throws Exception {
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        int before = calls.get();
        mvc.perform(post("/api/v1/imports/cursor/pull").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/cursor/pull")).andExpect(status().isUnauthorized());
        assertThat(calls.get()).isEqualTo(before);
    }
}
