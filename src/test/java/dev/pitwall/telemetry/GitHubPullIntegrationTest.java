package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Pull mode of GitHub Copilot usage metrics, against an in-process HTTP server that answers as
 * GitHub's REST API does: the App authenticates with a JWT signed by its PKCS#1 key for an
 * installation token, asks for each day's organization, users and user-teams reports, follows the
 * signed download links (without the token) and imports the files; days GitHub has no report of
 * yet are "not available"; pulling again adds nothing twice; a refusal is a 502 that never shows
 * the token or the key.
 */
@PitwallIntegrationTest
class GitHubPullIntegrationTest {

    private static final String SYSTEM = "github-pull-test";
    private static final String APP_ID = "12345";
    private static final String INSTALLATION_TOKEN = "ghs_installationTokenForTests0123456789";
    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final KeyPair KEYS = keys();
    private static final HttpServer github = start();
    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final AtomicInteger tokenRequests = new AtomicInteger();
    private static final List<String> downloadAuthorizations = new ArrayList<>();
    private static final List<String> reportRequests = new ArrayList<>();
    /** When set, the reports API answers this status. */
    private static volatile int refuseWith;
    private static volatile String login = "nobody";
    private static volatile String slug = "nobody";

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as GitHub issues an App's: PKCS#1 PEM (the JDK's PKCS#8 encoding without its envelope). */
    private static String pkcs1Pem() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        // 30 82 LL LL | 02 01 00 | AlgorithmIdentifier (15 bytes) | 04 82 LL LL | RSAPrivateKey
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/app/installations/99/access_tokens", exchange -> {
                String jwt = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
                try {
                    SignedJWT signed = SignedJWT.parse(jwt);
                    boolean valid = signed.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))
                            && APP_ID.equals(signed.getJWTClaimsSet().getIssuer())
                            && signed.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now());
                    if (!valid || !exchange.getRequestMethod().equals("POST")) {
                        answer(exchange, 401, "{\"message\":\"A JSON web token could not be decoded\"}");
                        return;
                    }
                } catch (Exception e) {
                    answer(exchange, 401, "{\"message\":\"A JSON web token could not be decoded\"}");
                    return;
                }
                tokenRequests.incrementAndGet();
                answer(exchange, 201, "{\"token\":\"" + INSTALLATION_TOKEN + "\",\"expires_at\":\""
                        + Instant.now().plusSeconds(3600) + "\"}");
            });
            server.createContext("/orgs/acme/copilot/metrics/reports/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String report = path.substring(path.lastIndexOf('/') + 1);
                String day = exchange.getRequestURI().getQuery().replace("day=", "");
                synchronized (reportRequests) {
                    reportRequests.add(report + " " + day + " " + exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"));
                }
                if (!("Bearer " + INSTALLATION_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{\"message\":\"Bad credentials\"}");
                } else if (refuseWith != 0) {
                    answer(exchange, refuseWith, "{\"message\":\"Copilot Metrics API access is disabled\"}");
                } else if (!day.equals(YESTERDAY.toString())) {
                    answer(exchange, 404, "{\"message\":\"Not Found\"}");
                } else {
                    answer(exchange, 200, "{\"download_links\":[\"http://127.0.0.1:" + exchange.getLocalAddress().getPort()
                            + "/download/" + report + ".json?sig=signed-by-github\"],\"report_day\":\"" + day + "\"}");
                }
            });
            server.createContext("/download/", exchange -> {
                synchronized (downloadAuthorizations) {
                    downloadAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                }
                String path = exchange.getRequestURI().getPath();
                String body = switch (path.substring("/download/".length())) {
                    case "users-1-day.json" -> """
                            {"day":"%1$s","user_id":51,"user_login":"%2$s","user_initiated_interaction_count":4,"used_agent":true,"ai_adoption_phase":{"phase_number":2,"phase":"Phase 2","version":"v1"}}
                            {"day":"%1$s","user_id":52,"user_login":"%2$s-bot","code_generation_activity_count":2}
                            """.formatted(YESTERDAY, login);
                    case "organization-1-day.json" -> """
                            {"day_totals":[{"day":"%s","organization_id":"acme-%s","daily_active_users":2,
                              "totals_by_ai_adoption_phase":[{"phase":"Phase 2","phase_number":2,"total_engaged_users":1}]}]}
                            """.formatted(YESTERDAY, slug);
                    case "user-teams-1-day.json" -> """
                            {"user_id":51,"user_login":"%1$s","day":"%2$s","organization_id":"1","team_id":7,"slug":"%3$s"}
                            {"user_id":52,"user_login":"%1$s-bot","day":"%2$s","organization_id":"1","team_id":7,"slug":"%3$s"}
                            """.formatted(login, YESTERDAY, slug);
                    default -> null;
                };
                answer(exchange, body == null ? 404 : 200, body == null ? "" : body);
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void githubApi(DynamicPropertyRegistry registry) {
        registry.add("pitwall.telemetry.github.organization", () -> "acme");
        registry.add("pitwall.telemetry.github.app-id", () -> APP_ID);
        registry.add("pitwall.telemetry.github.installation-id", () -> "99");
        registry.add("pitwall.telemetry.github.app-private-key", GitHubPullIntegrationTest::pkcs1Pem);
        registry.add("pitwall.telemetry.github.base-url", () -> "http://127.0.0.1:" + github.getAddress().getPort());
        registry.add("pitwall.telemetry.github.system", () -> SYSTEM);
        registry.add("pitwall.telemetry.github.days", () -> "2");
        registry.add("pitwall.telemetry.github.every", () -> "24h");
        // The scheduled pull stays out of the way of the test's own.
        registry.add("pitwall.telemetry.github.first-pull-after", () -> "24h");
    }

    @AfterAll
    static void stop() {
        github.stop(0);
    }

    @Autowired
    private UsageEventStore eventStore;
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
                    .content("{\"key\":\"" + SYSTEM + "\",\"name\":\"GitHub Copilot\",\"kind\":\"SAAS_COPILOT\"}"))
                    .andExpect(status().isCreated());
        }
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
        login = fx.member.externalId();
        slug = "pull-team-" + fx.suffix;
        refuseWith = 0;
    }

    private String pull(RequestPostProcessor as, int status) throws Exception {
        var response = mvc.perform(post("/api/v1/imports/github-copilot/pull").with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    @Test
    void aPullFetchesEachDaysReportsThroughTheirLinksAndImportsThemOnce() throws Exception {
        int downloadsBefore;
        synchronized (downloadAuthorizations) {
            downloadsBefore = downloadAuthorizations.size();
        }
        DocumentContext result = JsonPath.parse(pull(contributor, 200));
        // Two days back, three reports a day; GitHub has only yesterday's.
        assertThat(result.<List<String>>read("$.reports[*].report")).containsExactly("organization-1-day",
                "users-1-day", "user-teams-1-day", "organization-1-day", "users-1-day", "user-teams-1-day");
        assertThat(result.<List<String>>read("$.reports[?(@.day == '" + YESTERDAY.minusDays(1) + "')].status"))
                .containsOnly("not available");
        assertThat(result.<List<String>>read("$.reports[?(@.day == '" + YESTERDAY + "')].status")).containsOnly("imported");
        assertThat(result.<List<Integer>>read("$.reports[?(@.report == 'users-1-day')].userDaysAccepted"))
                .containsExactly(0, 2);
        assertThat(result.<List<Integer>>read("$.reports[?(@.report == 'organization-1-day')].orgDaysAdded"))
                .containsExactly(0, 1);
        assertThat(result.<List<Integer>>read("$.reports[?(@.report == 'user-teams-1-day')].teamMemberships"))
                .containsExactly(0, 2);
        assertThat(result.<List<String>>read("$.unknownTeams")).containsExactly(slug);
        synchronized (downloadAuthorizations) {
            assertThat(downloadAuthorizations.subList(downloadsBefore, downloadAuthorizations.size()))
                    .hasSize(3).containsOnly("null");
        }
        synchronized (reportRequests) {
            assertThat(reportRequests).allSatisfy(r -> assertThat(r).endsWith(" 2026-03-10"));
        }
        // Read through the event store: the same on every store.
        assertThat(eventStore.find(new UsageEventFilter(TelemetrySource.GITHUB_COPILOT, fx.member.id(), null, null, null,
                null, null, null, null), new PageQuery(0, 10))).singleElement()
                .satisfies(e -> assertThat(e.attributes()).contains("\"ai_adoption_phase\":2"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_org_metric WHERE scope = ? AND metric = "
                + "'ai_adoption_phase_2_total_engaged_users'").param("org:acme-" + slug).query(Long.class).single())
                .isEqualTo(1);

        // Pulled again: the same days, nothing twice; the installation token is reused while it is valid.
        int tokens = tokenRequests.get();
        DocumentContext again = JsonPath.parse(pull(contributor, 200));
        assertThat(again.<List<Integer>>read("$.reports[?(@.report == 'users-1-day')].userDaysAccepted"))
                .containsExactly(0, 0);
        assertThat(again.<List<Integer>>read("$.reports[?(@.report == 'users-1-day')].userDaysDuplicate"))
                .containsExactly(0, 2);
        assertThat(again.<List<Integer>>read("$.reports[?(@.report == 'organization-1-day')].orgDaysReplaced"))
                .containsExactly(0, 1);
        assertThat(tokenRequests.get()).isEqualTo(tokens);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_github_team_member WHERE slug = ?").param(slug)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRefusalByGitHubIsABadGatewayThatNeverShowsTheTokenOrTheKey() throws Exception {
        refuseWith = 403;
        String body = pull(contributor, 502);
        assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo("GITHUB_UNAVAILABLE");
        assertThat(body).contains("HTTP 403").doesNotContain(INSTALLATION_TOKEN).doesNotContain("PRIVATE KEY");
    }

    @Test
    void onlyThoseWhoMayIngestMayPull() throws Exception {
        RequestPostProcessor viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        int before;
        synchronized (reportRequests) {
            before = reportRequests.size();
        }
        pull(viewer, 403);
        mvc.perform(post("/api/v1/imports/github-copilot/pull")).andExpect(status().isUnauthorized());
        synchronized (reportRequests) {
            assertThat(reportRequests).hasSize(before);
        }
    }
}
