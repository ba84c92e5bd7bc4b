package dev.pitwall.telemetry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Shadow AI discovery end to end: proxy logs in the three formats (written from their public
 * documentation, src/test/resources/formats/README.md) and a log with registered, unregistered and
 * blocked services give the expected summary and findings; registering a service turns its later
 * use into usage of its AI system; bad files are refused whole.
 */
@PitwallIntegrationTest
class AiDiscoveryIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private String s;
    private RequestPostProcessor contributor;

    @BeforeEach
    void suffix() {
        s = UUID.randomUUID().toString().substring(0, 8);
        contributor = httpBasic(TestUsers.create(users, Role.CONTRIBUTOR).username(), TestUsers.PASSWORD);
    }

    private String sample(String file) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/formats/proxy/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String login : List.of("ana.lima", "ben.okafor", "chen.wu", "dana.perez")) {
                text = text.replace(login, login + "-" + s);
            }
            return text;
        }
    }

    private long person(String login, Long team) throws Exception {
        String body = """
                {"email":"%s@example.com","externalId":"%s","name":"%s","level":"PRACTITIONER","tier":"CONSUMER"%s}"""
                .formatted(login, login, login, team == null ? "" : ",\"teamId\":" + team);
        return JsonPath.<Number>read(send(post("/api/v1/people"), MediaType.APPLICATION_JSON, body, ADMIN, 201), "$.id")
                .longValue();
    }

    private long team(String name) throws Exception {
        return JsonPath.<Number>read(send(post("/api/v1/teams"), MediaType.APPLICATION_JSON,
                "{\"name\":\"" + name + "\"}", ADMIN, 201), "$.id").longValue();
    }

    private String importLog(String format, String log, RequestPostProcessor as, int status) throws Exception {
        return send(post("/api/v1/imports/proxy-logs").param("format", format), CSV, log, as, status);
    }

    private static List<Object> at(DocumentContext report, String service, String path) {
        return report.read("$.services[?(@.serviceKey == '" + service + "')]" + path);
    }

    @Test
    void eachFormatsSampleIsReadMatchedAndAttributed() throws Exception {
        long finance = team("Finance " + s);
        person("ana.lima-" + s, finance);
        person("ben.okafor-" + s, finance);

        String squid = importLog("squid", sample("squid-access.log"), contributor, 200);
        // Six requests: Gemini twice, Perplexity, Hugging Face (denied); two to other hosts.
        assertThat(JsonPath.<Integer>read(squid, "$.lines")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(squid, "$.aiRequests")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(squid, "$.otherRequests")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(squid, "$.services")).containsExactly("gemini", "huggingface", "perplexity");
        String again = importLog("squid", sample("squid-access.log"), contributor, 200);
        assertThat(JsonPath.<Integer>read(again, "$.stored")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.duplicates")).isEqualTo(4);

        String zscaler = importLog("zscaler", sample("zscaler-nss-web.csv"), contributor, 200);
        assertThat(JsonPath.<Integer>read(zscaler, "$.aiRequests")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(zscaler, "$.otherRequests")).isEqualTo(1);
        String netskope = importLog("netskope", sample("netskope-web-transactions.csv"), contributor, 200);
        assertThat(JsonPath.<Integer>read(netskope, "$.aiRequests")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(netskope, "$.otherRequests")).isEqualTo(1);

        // The Squid day: Gemini by Ana (known by her login) and by a request naming nobody.
        DocumentContext squidDay = JsonPath.parse(send(get("/api/v1/ai-discovery").param("from", "2026-11-01")
                .param("to", "2026-11-01"), null, null, ADMIN, 200));
        assertThat(at(squidDay, "gemini", ".requests")).containsExactly(2);
        assertThat(at(squidDay, "gemini", ".unidentifiedRequests")).containsExactly(1);
        assertThat(squidDay.<List<String>>read("$.services[?(@.serviceKey == 'gemini')].teams[*].team"))
                .contains("Finance " + s);
        assertThat(at(squidDay, "huggingface", ".blockedRequests")).containsExactly(1);
        assertThat(at(squidDay, "gemini", ".uploadBytes")).containsExactly((Object) null);
        // Zscaler's and Netskope's sizes: bytes sent to the service.
        DocumentContext netskopeDay = JsonPath.parse(send(get("/api/v1/ai-discovery").param("from", "2026-11-02")
                .param("to", "2026-11-02"), null, null, ADMIN, 200));
        assertThat(at(netskopeDay, "huggingface", ".uploadBytes")).containsExactly(900000);
        assertThat(at(netskopeDay, "huggingface", ".blockedRequests")).containsExactly(1);
        DocumentContext zscalerDay = JsonPath.parse(send(get("/api/v1/ai-discovery").param("from", "2026-11-30")
                .param("to", "2026-11-30"), null, null, ADMIN, 200));
        assertThat(at(zscalerDay, "gemini", ".uploadBytes")).containsExactly(18422);
        assertThat(at(zscalerDay, "microsoft-copilot-consumer", ".people")).containsExactly(1);
    }

    @Test
    void registeredUnregisteredAndBlockedServicesGiveTheirSummaryAndFindings() throws Exception {
        long team = team("Claims " + s);
        person("e2e-a-" + s, team);
        person("e2e-b-" + s, team);
        person("e2e-c-" + s, null);
        LocalDate day = TODAY.minusDays(2);
        // Claude is registered and DeepSeek blocked before the log arrives.
        send(post("/api/v1/ai-discovery/services/claude/registration"), MediaType.APPLICATION_JSON,
                "{\"systemKey\":\"claude-" + s + "\",\"name\":\"Claude (" + s + ")\"}", ADMIN, 201);
        send(post("/api/v1/ai-discovery/services/claude/registration"), MediaType.APPLICATION_JSON, "{}", ADMIN, 400);
        send(put("/api/v1/ai-discovery/services/deepseek/block"), MediaType.APPLICATION_JSON,
                "{\"note\":\"Data would leave the EU\"}", contributor, 204);

        String log = """
                time,login,host,url,action,reqsize,respsize
                %1$sT09:00:00Z,e2e-a-%2$s@example.com,chatgpt.com,https://chatgpt.com/c/1,Allowed,1000,200
                %1$sT09:05:00Z,e2e-a-%2$s@example.com,chatgpt.com,https://chatgpt.com/c/1,Allowed,3000,200
                %1$sT09:06:00Z,e2e-b-%2$s@example.com,chat.openai.com,https://chat.openai.com/,Allowed,500,100
                %1$sT09:07:00Z,visitor-%2$s@example.com,chatgpt.com,https://chatgpt.com/,Allowed,250,100
                %1$sT09:10:00Z,e2e-a-%2$s@example.com,claude.ai,https://claude.ai/new,Allowed,700,900
                %3$sT00:00:10Z,e2e-c-%2$s@example.com,chat.deepseek.com,https://chat.deepseek.com/,Allowed,4000,100
                %3$sT00:00:20Z,e2e-c-%2$s@example.com,chat.deepseek.com,https://chat.deepseek.com/,Blocked,4000,0
                %1$sT09:12:00Z,e2e-b-%2$s@example.com,www.example.org,https://www.example.org/,Allowed,100,100
                """.formatted(day, s, TODAY);
        String imported = importLog("zscaler", log, contributor, 200);
        assertThat(JsonPath.<Integer>read(imported, "$.aiRequests")).isEqualTo(7);
        assertThat(JsonPath.<Integer>read(imported, "$.otherRequests")).isEqualTo(1);
        // Claude's use is usage of its AI system: one activity fact for e2e-a that day.
        assertThat(JsonPath.<Integer>read(imported, "$.registeredUse.accepted")).isEqualTo(1);
        String events = send(get("/api/v1/usage-events").param("system", "claude-" + s), null, null, ADMIN, 200);
        assertThat(JsonPath.<Integer>read(events, "$.totalElements")).isEqualTo(1);
        assertThat(JsonPath.<String>read(events, "$.content[0].personRef")).isEqualTo("e2e-a-" + s + "@example.com");
        assertThat(JsonPath.<Integer>read(events, "$.content[0].attributes.requests")).isEqualTo(1);

        var range = get("/api/v1/ai-discovery").param("from", day.toString()).param("to", TODAY.toString());
        DocumentContext report = JsonPath.parse(send(range, null, null, ADMIN, 200));
        assertThat(at(report, "chatgpt", ".status")).containsExactly("UNREGISTERED");
        assertThat(at(report, "chatgpt", ".requests")).containsExactly(4);
        assertThat(at(report, "chatgpt", ".people")).containsExactly(3);
        assertThat(at(report, "chatgpt", ".uploadBytes")).containsExactly(4750);
        List<Map<String, Object>> teams = report.read("$.services[?(@.serviceKey == 'chatgpt')].teams[*]");
        assertThat(teams).extracting(t -> t.get("team"), t -> t.get("people"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Claims " + s, 2),
                        org.assertj.core.groups.Tuple.tuple("not in the directory", 1));
        assertThat(at(report, "claude", ".status")).containsExactly("REGISTERED");
        assertThat(at(report, "claude", ".systemKey")).containsExactly("claude-" + s);
        assertThat(at(report, "deepseek", ".status")).containsExactly("BLOCKED");
        assertThat(at(report, "deepseek", ".blockedRequests")).containsExactly(1);
        List<Map<String, Object>> findings = report.read("$.findings[?(@.serviceKey == 'deepseek')]");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0)).containsEntry("requestsSince", 2).containsEntry("allowedRequestsSince", 1)
                .containsEntry("peopleSince", 1).containsEntry("note", "Data would leave the EU")
                .containsEntry("lastSeen", TODAY.toString());

        // An executive sees no count of fewer than five people, nor a team that small.
        var executive = httpBasic(TestUsers.create(users, Role.EXECUTIVE).username(), TestUsers.PASSWORD);
        DocumentContext seen = JsonPath.parse(send(get("/api/v1/ai-discovery").param("from", day.toString())
                .param("to", TODAY.toString()), null, null, executive, 200));
        assertThat(at(seen, "chatgpt", ".people")).containsExactly((Object) null);
        assertThat(seen.<List<Object>>read("$.services[?(@.serviceKey == 'chatgpt')].teams[*].people")).containsOnlyNulls();
        assertThat(seen.<List<Object>>read("$.findings[?(@.serviceKey == 'deepseek')].peopleSince")).containsOnlyNulls();
        assertThat(seen.jsonString()).doesNotContain("e2e-a-" + s);

        // The pages: the telemetry overview lists ChatGPT as unregistered use; discovery shows the finding.
        String overview = send(get("/telemetry").accept(MediaType.TEXT_HTML), null, null, ADMIN, 200);
        assertThat(overview).contains("Unregistered AI use").contains("ChatGPT").contains("governance finding");
        String page = send(get("/telemetry/discovery").param("from", day.toString()).param("to", TODAY.toString())
                .accept(MediaType.TEXT_HTML), null, null, ADMIN, 200);
        assertThat(page).contains("Governance findings: use of blocked AI services").contains("DeepSeek")
                .contains("Data would leave the EU");

        // Registering ChatGPT turns its later use into usage; what was imported before stays discovery only.
        send(post("/api/v1/ai-discovery/services/chatgpt/registration"), MediaType.APPLICATION_JSON,
                "{\"systemKey\":\"chatgpt-" + s + "\"}", ADMIN, 201);
        importLog("zscaler", """
                time,login,host,action,reqsize
                %s,e2e-b-%s@example.com,chatgpt.com,Allowed,800
                """.formatted(java.time.Instant.now().minusSeconds(5), s), contributor, 200);
        String chatgptEvents = send(get("/api/v1/usage-events").param("system", "chatgpt-" + s), null, null, ADMIN, 200);
        assertThat(JsonPath.<Integer>read(chatgptEvents, "$.totalElements")).isEqualTo(1);
        assertThat(JsonPath.<String>read(chatgptEvents, "$.content[0].personRef")).isEqualTo("e2e-b-" + s + "@example.com");
        DocumentContext after = JsonPath.parse(send(get("/api/v1/ai-discovery").param("from", day.toString())
                .param("to", TODAY.toString()), null, null, ADMIN, 200));
        assertThat(at(after, "chatgpt", ".status")).containsExactly("REGISTERED");
    }

    @Test
    void aLogWithLinesThatCannotBeReadIsRefusedWhole() throws Exception {
        String zscaler = """
                time,login,host,action,reqsize
                2026-10-01T09:00:00Z,bad-%1$s@example.com,chatgpt.com,Allowed,100
                yesterday,bad-%1$s@example.com,chatgpt.com,Allowed,100
                2026-10-01T09:00:00Z,bad-%1$s@example.com,chatgpt.com,Allowed,-5
                2026-10-01T09:00:00Z,bad-%1$s@example.com,,Allowed,1
                """.formatted(s);
        String refused = importLog("zscaler", zscaler, contributor, 400);
        assertThat(JsonPath.<String>read(refused, "$.code")).isEqualTo("PROXY_LOG_INVALID");
        assertThat(JsonPath.<List<Integer>>read(refused, "$.errors[*].line")).containsExactly(3, 4, 5);
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("time", "reqsize", "host");
        String squid = "1793524512.118 842 10.0.0.1 TCP_TUNNEL/200 6120 CONNECT chatgpt.com:443 bad-" + s + " DIRECT/1.1.1.1 -\n"
                + "not a squid line\n"
                + "17935x4512 842 10.0.0.1 TCP_TUNNEL/200 12 CONNECT chatgpt.com:443 bad-" + s + " DIRECT/1.1.1.1 -\n";
        String squidRefused = importLog("squid", squid, contributor, 400);
        assertThat(JsonPath.<List<Integer>>read(squidRefused, "$.errors[*].line")).containsExactly(2, 3);
        assertThat(JsonPath.<String>read(squidRefused, "$.errors[0].reason")).startsWith("has 4 fields");
        assertThat(JsonPath.<String>read(squidRefused, "$.errors[1].field")).isEqualTo("time");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_ai_request WHERE person_ref LIKE ?").param("bad-" + s + "%")
                .query(Long.class).single()).isZero();

        String noColumns = importLog("netskope", "a,b\n1,2\n", contributor, 400);
        assertThat(JsonPath.<List<String>>read(noColumns, "$.errors[*].field")).containsExactly("time", "url");
        importLog("squid", "", contributor, 400);
        assertThat(send(post("/api/v1/imports/proxy-logs").param("format", "bluecoat"), CSV, "x", contributor, 400))
                .contains("format");
        send(post("/api/v1/ai-discovery/services/no-such-service/registration"), MediaType.APPLICATION_JSON, "{}", ADMIN,
                404);
    }

    @Test
    void rolesDecideWhoImportsRegistersAndBlocks() throws Exception {
        var viewer = httpBasic(TestUsers.create(users, Role.VIEWER).username(), TestUsers.PASSWORD);
        var executive = httpBasic(TestUsers.create(users, Role.EXECUTIVE).username(), TestUsers.PASSWORD);
        importLog("squid", "1793524512.118 842 10.0.0.1 TCP_TUNNEL/200 6120 CONNECT poe.com:443 r-" + s + " DIRECT/1.1.1.1 -\n",
                viewer, 403);
        send(post("/api/v1/ai-discovery/services/poe/registration"), MediaType.APPLICATION_JSON, "{}", executive, 403);
        send(post("/api/v1/ai-discovery/services/poe/registration"), MediaType.APPLICATION_JSON, "{}", contributor, 403);
        send(put("/api/v1/ai-discovery/services/poe/block"), MediaType.APPLICATION_JSON, "{}", executive, 403);
        send(get("/api/v1/ai-discovery"), null, null, viewer, 403);
        send(get("/api/v1/ai-discovery/catalog"), null, null, executive, 200);
        assertThat(send(get("/api/v1/ai-discovery/catalog"), null, null, executive, 200)).contains("\"version\"")
                .contains("chatgpt.com");
    }

    private String send(MockHttpServletRequestBuilder request, MediaType type, String body, RequestPostProcessor as,
            int status) throws Exception {
        request.with(as);
        if (body != null) {
            request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
