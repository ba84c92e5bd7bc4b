package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.HostileInput;
import dev.pitwall.testing.HostileInput.Case;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The hostile corpus over every format that is not a plain JSON body: NDJSON and JSON usage
 * events, OTLP/JSON and OTLP/protobuf, xAPI statements, evaluation results, the Microsoft 365 and
 * GitHub reports, the YAML operating model, the CSV imports, evidence uploads, and dates and
 * numbers in query parameters. None may answer 5xx (nor 503, which tells exporters to retry
 * forever); refusals name the line and field.
 */
@PitwallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFormatsIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger unique = new AtomicInteger();
    private RequestPostProcessor admin;
    private long kpi;

    @BeforeAll
    void organization() throws Exception {
        String token = JsonPath.read(json(post("/api/v1/tokens"),
                "{\"name\":\"formats\",\"scopes\":[\"READ\",\"WRITE\",\"INGEST\",\"ADMIN\"]}", ADMIN), "$.secret");
        admin = request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
        json(post("/api/v1/people"), """
                {"email":"formats@hostile.test","name":"Formats","level":"PRACTITIONER","tier":"CONSUMER"}""", admin);
        json(post("/api/v1/ai-systems"), """
                {"key":"formats-system","name":"Formats","kind":"AGENT","telemetryKeys":[{"kind":"SERVICE_NAME","value":"formats-svc"}]}""",
                admin);
        json(post("/api/v1/workflows"), """
                {"key":"formats-workflow","name":"Formats workflow","stage":"PILOT","systems":["formats-system"]}""", admin);
        kpi = ((Number) JsonPath.read(json(post("/api/v1/workflows/formats-workflow/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY"}""",
                admin), "$.id")).longValue();
    }

    /** A format: where it goes, its content type, and a valid document of it. */
    private record Format(String path, String contentType, String valid) {
    }

    private List<Format> jsonFormats() throws Exception {
        String time = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return List.of(
                new Format("/api/v1/usage-events", "application/x-ndjson", """
                        {"id":"ev-{n}","time":"%s","person":"formats@hostile.test","system":"formats-system","workflow":"formats-workflow","operation":"chat","model":"m","inputTokens":10,"outputTokens":5,"cost":0.01,"latencyMs":120,"error":false,"outcome":"ACCEPTED","attributes":{"k":"v"}}"""
                        .formatted(time)),
                new Format("/api/v1/usage-events", "application/json", """
                        [{"id":"ej-{n}","time":"%s","person":"formats@hostile.test","system":"formats-system","operation":"chat","outcome":"EDITED"}]"""
                        .formatted(time)),
                new Format("/api/v1/evaluations", "application/json", """
                        [{"id":"eval-{n}","system":"formats-system","workflow":"formats-workflow","name":"accuracy","score":0.91,"time":"%s"}]"""
                        .formatted(time)),
                new Format("/api/v1/xapi/statements", "application/json", sample("xapi/xapi-1.0.3-appendixA-simple-statement.json")
                        .replace("fd41c918-b88b-4b20-a0a5-a4c32391aaa0", "fd41c918-b88b-4b20-a0a5-a4c3239{n}")),
                new Format("/api/v1/imports/m365-copilot?system=formats-system", "application/json", """
                        {"value":[{"reportRefreshDate":"%s","userPrincipalName":"formats@hostile.test",
                          "copilotChatLastActivityDate":"%s"}]}"""
                        .formatted(TODAY.minusDays(1), TODAY.minusDays(2))),
                new Format("/api/v1/imports/github-copilot?system=formats-system", "application/x-ndjson", """
                        {"day":"%s","user_login":"formats","user_initiated_interaction_count":3,"code_generation_activity_count":2,"code_acceptance_activity_count":1}"""
                        .formatted(TODAY.minusDays(3))),
                new Format("/api/v1/imports/github-copilot?system=formats-system", "application/x-ndjson", """
                        {"day":"%s","user_id":4242,"user_login":"formats","used_copilot_cloud_agent":true,"ai_credits_used":1.5,"totals_by_cli":{"session_count":2},"ai_adoption_phase":{"phase_number":2,"phase":"Phase 2","version":"v1"}}"""
                        .formatted(TODAY.minusDays(6))),
                new Format("/api/v1/imports/github-copilot?system=formats-system", "application/x-ndjson", """
                        {"user_id":4242,"user_login":"formats","day":"%s","organization_id":"1","team_id":77,"slug":"formats-team-{n}"}"""
                        .formatted(TODAY.minusDays(6))),
                new Format("/api/v1/imports/cursor?system=formats-system", "application/json", """
                        {"data":[{"date":%d,"isActive":true,"chatRequests":3,"totalTabsAccepted":2,"mostUsedModel":"m","clientVersion":"1.7","email":"formats@hostile.test"}],"period":{"startDate":0,"endDate":0}}"""
                        .formatted(TODAY.minusDays(4).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli())));
    }

    @TestFactory
    Stream<DynamicTest> jsonFormatsSurviveTheCorpus() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format format : jsonFormats()) {
            String base = format.valid().replace("{n}", "0");
            List<Case> cases = new ArrayList<>(HostileInput.leaves(base));
            // Ingestion reads up to 32 MB, and an empty NDJSON stream holds no events: both are fine.
            HostileInput.bodies(base).stream().map(c -> c.name().equals("5 MB")
                    || c.name().equals("empty") && format.contentType().contains("ndjson")
                    ? new Case(c.name(), c.body(), c.field(), false) : c).forEach(cases::add);
            for (Case c : cases) {
                tests.add(DynamicTest.dynamicTest(format.path() + " (" + format.contentType() + "): " + c.name(),
                        () -> checkJsonFormat(format, c)));
            }
        }
        return tests.stream();
    }

    private void checkJsonFormat(Format format, Case c) throws Exception {
        String body = c.body().replace("ev-0", "ev-" + unique.incrementAndGet())
                .replace("ej-0", "ej-" + unique.incrementAndGet()).replace("eval-0", "eval-" + unique.incrementAndGet())
                .replace("a4c32390", "a4c3239" + unique.incrementAndGet() % 10);
        MockHttpServletResponse response = mvc.perform(post(format.path()).with(admin)
                .header("X-Experience-API-Version", "1.0.3")
                .contentType(format.contentType()).content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        String text = response.getContentAsString();
        assertThat(response.getStatus()).as("%s answered %s", c.name(), text).isLessThan(500);
        boolean refused = response.getStatus() >= 400 || text.contains("\"rejected\":") && !text.contains("\"rejected\":0");
        if (c.mustRefuse()) {
            assertThat(refused).as("%s must be refused, answered %s", c.name(), text).isTrue();
        }
        if (response.getStatus() == 400 && text.startsWith("{")) {
            assertThat(text).as("the refusal of %s lists its errors", c.name()).contains("\"errors\"");
            List<Map<String, Object>> errors = JsonPath.read(text, "$.errors[*]");
            assertThat(errors).as("a refusal lists what is wrong: %s", text).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("reason")).isNotNull());
        }
    }

    @TestFactory
    Stream<DynamicTest> otlpSurvivesTheCorpus() throws Exception {
        String trace = sample("otlp/otlp-proto-v1.11.0-trace.json");
        List<Case> cases = new ArrayList<>(HostileInput.bodies(trace).stream()
                .map(c -> c.name().equals("5 MB") ? new Case(c.name(), c.body(), c.field(), false) : c).toList());
        cases.add(new Case("surrogate in an attribute", trace.replaceFirst("\"stringValue\": ?\"[^\"]*\"",
                "\"stringValue\":\"a\\\\ud800\""), null, false));
        cases.add(new Case("attribute nested 60 deep", trace.replaceFirst("\"stringValue\": ?\"[^\"]*\"",
                "\"kvlistValue\":" + "{\"values\":[{\"key\":\"k\",\"value\":{\"kvlistValue\":".repeat(30) + "{}"
                        + "}}]}".repeat(30)), null, false));
        cases.add(new Case("2^70 as an integer value", trace.replaceFirst("\"intValue\": ?\"?\\d+\"?",
                "\"intValue\":\"1180591620717411303424\""), null, false));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest("OTLP/JSON traces: " + c.name(), () -> {
                MockHttpServletResponse response = mvc.perform(post("/otlp/v1/traces").with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content(c.body())).andReturn().getResponse();
                assertThat(response.getStatus()).as("%s answered %s", c.name(), response.getContentAsString())
                        .isLessThan(500);
                if (c.mustRefuse()) {
                    assertThat(response.getStatus()).isBetween(400, 499);
                }
            }));
        }
        for (byte[] garbage : List.of(new byte[] {(byte) 0xff, 0x01, 0x02}, "not protobuf at all".getBytes(),
                new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f})) {
            tests.add(DynamicTest.dynamicTest("OTLP/protobuf traces: " + garbage.length + " bytes of garbage", () -> {
                MockHttpServletResponse response = mvc.perform(post("/otlp/v1/traces").with(admin)
                        .contentType("application/x-protobuf").content(garbage)).andReturn().getResponse();
                assertThat(response.getStatus()).isBetween(400, 499);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theOperatingModelYamlSurvivesTheCorpus() throws Exception {
        String yaml = new String(mvc.perform(get("/api/v1/operating-model").param("workflow", "formats-workflow")
                .with(admin)).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        Map<String, String> attacks = new java.util.LinkedHashMap<>();
        attacks.put("a comment line of 2 MB", "#" + "x".repeat(2 * 1024 * 1024) + "\n" + yaml);
        attacks.put("a scalar line of 50,000 characters", yaml.replace("name: Formats workflow",
                "name: " + "x".repeat(50_000)));
        attacks.put("billion laughs", "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n");
        attacks.put("a duplicate key", yaml.replace("kind: Workflow", "kind: Workflow\nkind: Workflow"));
        attacks.put("nested 200 deep", "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        attacks.put("an unpaired surrogate", yaml.replace("name: Formats workflow", "name: \"a\\ud800b\""));
        attacks.put("a NUL", yaml.replace("name: Formats workflow", "name: \"a\\0b\""));
        attacks.put("a right-to-left override", yaml.replace("name: Formats workflow", "name: \"a\u202eb\""));
        attacks.put("5 MB", "# " + ("x".repeat(9_000) + "\n# ").repeat(560) + "\n" + yaml);
        attacks.put("not YAML", "{{{{ [[[[ : : :");
        List<DynamicTest> tests = new ArrayList<>();
        attacks.forEach((name, body) -> tests.add(DynamicTest.dynamicTest("YAML operating model: " + name, () -> {
            long before = workflows();
            MockHttpServletResponse response = mvc.perform(post("/api/v1/operating-model").with(admin)
                    .contentType("application/yaml").content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
            assertThat(response.getStatus()).as("%s answered %s", name, response.getContentAsString()).isBetween(400, 499);
            assertThat(workflows()).isEqualTo(before);
        })));
        return tests.stream();
    }

    private long workflows() {
        return jdbc.sql("SELECT COUNT(*) FROM portfolio_workflow").query(Long.class).single();
    }

    @TestFactory
    Stream<DynamicTest> csvImportsSurviveTheCorpus() {
        Map<String, String> imports = Map.of(
                "/api/v1/measurements/import", "workflow,kpi,period_end,value\nformats-workflow,Hours,%s,{v}\n"
                        .formatted(TODAY.minusDays(5)).replace("{v}", "{cell}"),
                "/api/v1/people/import", "email,name,level,tier\ncsv{n}@hostile.test,{cell},PRACTITIONER,CONSUMER\n",
                "/api/v1/skill-assessments/import", "email,skill,level,assessed_on,source\nformats@hostile.test,Evaluating AI output,{cell},%s,csv\n"
                        .formatted(TODAY.minusDays(5)),
                "/api/v1/learning-records/import", "email,course,status,completed_on,source\nformats@hostile.test,Course {n},completed,{cell},lms\n",
                "/api/v1/imports/proxy-logs?format=zscaler", "time,login,host,action,reqsize\n%sT09:00:00Z,formats@hostile.test,chat.mistral.ai,Allowed,{cell}\n"
                        .formatted(TODAY.minusDays(5)),
                "/api/v1/imports/proxy-logs?format=netskope", "timestamp,user,url,action,client_bytes\n{cell},formats@hostile.test,https://chat.mistral.ai/{n},allow,10\n",
                "/api/v1/imports/proxy-logs?format=squid", "1793524512.{n} 10 10.0.0.1 TCP_TUNNEL/200 100 CONNECT chat.mistral.ai:443 {cell} DIRECT/1.1.1.1 -\n");
        List<String> cells = List.of("a\u0000b", "a\u202eb", "\"unterminated", "1e400", "2026-13-45", "-999999999-01-01",
                "=HYPERLINK(\"http://evil\")", "x".repeat(100_000), "\"\"\"");
        List<DynamicTest> tests = new ArrayList<>();
        imports.forEach((path, template) -> {
            for (String cell : cells) {
                tests.add(DynamicTest.dynamicTest("CSV " + path + ": " + cell.substring(0, Math.min(cell.length(), 30)),
                        () -> {
                            String body = template.replace("{n}", String.valueOf(unique.incrementAndGet()))
                                    .replace("{cell}", cell);
                            MockHttpServletResponse response = mvc.perform(post(path).with(admin).contentType("text/csv")
                                    .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
                            String text = response.getContentAsString();
                            assertThat(response.getStatus()).as("%s answered %s", cell, text).isLessThan(500);
                            if (response.getStatus() == 400) {
                                List<Integer> lines = JsonPath.read(text, "$.errors[*].line");
                                assertThat(lines).as("a refused CSV names the line: %s", text).isNotEmpty();
                            }
                        }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> uploadsAndQueryParametersSurviveTheCorpus() {
        List<DynamicTest> tests = new ArrayList<>();
        String evidence = "/api/v1/workflows/formats-workflow/controls/logging/evidence";
        tests.add(DynamicTest.dynamicTest("evidence named with a NUL", () -> {
            MockHttpServletResponse response = mvc.perform(multipart(evidence).file(new MockMultipartFile("file",
                    "run\u0000book.txt", "text/plain", "hello".getBytes())).with(admin)).andReturn().getResponse();
            assertThat(response.getStatus()).isBetween(400, 499);
        }));
        tests.add(DynamicTest.dynamicTest("evidence whose content is not its type", () -> {
            MockHttpServletResponse response = mvc.perform(multipart(evidence).file(new MockMultipartFile("file",
                    "report.pdf", "application/pdf", "not a pdf".getBytes())).with(admin)).andReturn().getResponse();
            assertThat(response.getStatus()).isBetween(400, 499);
        }));
        List<String> gets = List.of("/api/v1/scorecards/organization?asOf=-999999999-01-01",
                "/api/v1/scorecards/organization?asOf=2026-13-45", "/api/v1/scorecards/organization?asOf=%ud800",
                "/api/v1/scorecards/workflows/formats-workflow?asOf=+999999999-12-31",
                "/api/v1/scorecards/workflows/formats-workflow/people?level=99",
                "/api/v1/people?page=-1", "/api/v1/people?size=100000000", "/api/v1/people?page=99999999999999",
                "/api/v1/usage-events?from=0000-00-00", "/api/v1/usage-rollups/daily?from=-999999999-01-01&to=2026-01-01",
                "/api/v1/audit?from=yesterday", "/api/v1/org-metrics?from=2026-13-45&to=2026-01-01",
                "/api/v1/ai-discovery?from=2026-13-45", "/api/v1/ai-discovery?from=2026-02-01&to=2026-01-01",
                "/api/v1/ai-discovery?from=2020-01-01&to=2026-01-01",
                "/api/v1/github-copilot/teams?from=2026-13-45", "/api/v1/github-copilot/teams?from=2026-02-01&to=2026-01-01",
                "/api/v1/github-copilot/teams?from=2020-01-01&to=2026-01-01",
                "/api/v1/scorecards/workflows/formats-workflow/adoption-phases?asOf=2026-13-45");
        for (String path : gets) {
            tests.add(DynamicTest.dynamicTest("GET " + path, () -> {
                MockHttpServletResponse response = mvc.perform(get(java.net.URI.create(path.replace("%ud800", "%ED%A0%80")))
                        .with(admin)).andReturn().getResponse();
                assertThat(response.getStatus()).as("%s answered %s", path, response.getContentAsString())
                        .isBetween(400, 499);
                String text = response.getContentAsString();
                List<String> fields = JsonPath.read(text, "$.errors[*].field");
                assertThat(fields).as("%s names the parameter: %s", path, text).isNotEmpty();
            }));
        }
        return tests.stream();
    }

    private String json(MockHttpServletRequestBuilder request, String body, RequestPostProcessor auth) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(auth).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/samples", name));
    }
}
