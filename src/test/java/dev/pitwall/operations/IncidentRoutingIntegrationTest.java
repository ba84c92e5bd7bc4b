package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;

import java.time.Duration;
import java.time.Instant;


import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Monitors evaluated in rounds with an injected clock, incidents routed along a workflow's
 * decision rights, escalated when not acknowledged, and moved to resolved through the API.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class IncidentRoutingIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");


    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;
    @Autowired
    MonitorEvaluation evaluation;
    @Autowired
    OperationsProperties properties;

    private String suffix;

    @BeforeEach
    void names() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFiringMonitorOpensOneIncidentForItsQualityMonitorThenEscalatesWhenNobodyAcknowledges() throws Exception {
        String wf = workflow(Map.of(DecisionRight.QUALITY_MONITOR, "q", DecisionRight.ESCALATION_CONTACT, "e"));
        events(wf, 6, 4);
        long monitor = monitor(wf, "overrideRate", "GT", "0.1", 7, 5, "SEV2");

        long round = nextRound();
        assertThat(evaluation.evaluate(round).claimed()).isTrue();
        DocumentContext m = json(send(get("/api/v1/monitors/" + monitor), null, ADMIN));
        assertThat(m.<String>read("$.state")).isEqualTo("FIRING");
        assertThat(m.<Double>read("$.lastValue")).isEqualTo(0.4);
        assertThat(m.<Integer>read("$.lastSamples")).isEqualTo(10);
        List<Map<String, Object>> open = incidentsOf(wf);
        assertThat(open).hasSize(1);
        long incident = ((Number) open.get(0).get("id")).longValue();
        DocumentContext i = incident(incident);
        assertThat(i.<String>read("$.incident.assigneeRight")).isEqualTo("QUALITY_MONITOR");
        assertThat(i.<String>read("$.incident.assigneeName")).isEqualTo("q " + suffix);
        assertThat(i.<String>read("$.incident.severity")).isEqualTo("SEV2");
        assertThat(Instant.parse(i.read("$.incident.acknowledgeBy")))
                .isEqualTo(clock.instant().plus(properties.acknowledgeSev2()));

        String metrics = send(get("/actuator/prometheus"), null, ADMIN);
        assertThat(metrics).containsPattern("pitwall_monitors_firing(\\{[^}]*\\})? [1-9]")
                .containsPattern("pitwall_incidents_open\\{[^}]*severity=\"SEV2\"[^}]*\\} [1-9]");

        // The same round again (another node) does nothing; a later round with the monitor still
        // firing joins no new incident, but the deadline has passed: escalation.
        assertThat(evaluation.evaluate(round).claimed()).isFalse();
        clock.advance(properties.acknowledgeSev2().plusMinutes(1));
        MonitorEvaluation.RoundResult later = evaluation.evaluate(nextRound());
        assertThat(later.escalated()).isEqualTo(1);
        assertThat(incidentsOf(wf)).hasSize(1);
        i = incident(incident);
        assertThat(i.<String>read("$.incident.assigneeRight")).isEqualTo("ESCALATION_CONTACT");
        assertThat(i.<String>read("$.incident.assigneeName")).isEqualTo("e " + suffix);
        assertThat(i.<Integer>read("$.incident.escalations")).isEqualTo(1);
        assertThat(i.<List<String>>read("$.timeline[*].kind")).containsSubsequence("OPENED", "ROUTED", "ESCALATED", "ROUTED");

        // The escalation contact acknowledges; acknowledging twice is a conflict; then resolved.
        users.create(new NewUser("e-" + suffix, "E", "e-" + suffix + "@ops.test", Role.CONTRIBUTOR, "contributor-password-1"));
        RequestPostProcessor e = httpBasic("e-" + suffix, "contributor-password-1");
        assertThat(json(send(post("/api/v1/incidents/" + incident + "/acknowledge"), null, e)).<String>read("$.status"))
                .isEqualTo("ACKNOWLEDGED");
        assertThat(status(post("/api/v1/incidents/" + incident + "/acknowledge"), null, e)).isEqualTo(409);
        send(post("/api/v1/incidents/" + incident + "/resolve"), "{\"note\":\"Rolled back the model\"}", e);
        i = incident(incident);
        assertThat(i.<String>read("$.incident.status")).isEqualTo("RESOLVED");
        assertThat(i.<String>read("$.incident.acknowledgedBy")).isEqualTo("e-" + suffix);
        assertThat(i.<List<String>>read("$.timeline[?(@.kind == 'ACKNOWLEDGED')].personName")).containsExactly("e " + suffix);
        // Monitors evaluated since yesterday are evidence for the monitoring control; an incident that
        // had to be escalated is no evidence of incident response handled in time.
        String controls = send(get("/api/v1/workflows/" + wf + "/controls"), null, ADMIN);
        assertThat(JsonPath.<List<String>>read(controls,
                "$[?(@.controlKey == 'monitoring')].evidence[?(@.kind == 'GENERATED')].title")).singleElement()
                .asString().startsWith("Active monitors: 1,");
        assertThat(JsonPath.<List<String>>read(controls,
                "$[?(@.controlKey == 'incident-response')].evidence[?(@.kind == 'GENERATED')].title")).isEmpty();
        // Past its deadline nothing escalates a resolved incident.
        clock.advance(Duration.ofHours(3));
        assertThat(evaluation.evaluate(nextRound()).escalated()).isZero();
    }

    @Test
    void anIncidentAcknowledgedInTimeAndResolvedIsEvidenceOfIncidentResponse() throws Exception {
        String wf = workflow(Map.of());
        long incident = json(send(post("/api/v1/incidents"), """
                {"title":"Test incident","severity":"SEV3","workflowKey":"%s"}""".formatted(wf), ADMIN))
                .<Number>read("$.id").longValue();
        send(post("/api/v1/incidents/" + incident + "/acknowledge"), null, ADMIN);
        send(post("/api/v1/incidents/" + incident + "/resolve"), null, ADMIN);
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/workflows/" + wf + "/controls"), null, ADMIN),
                "$[?(@.controlKey == 'incident-response')].evidence[?(@.kind == 'GENERATED')].url"))
                .containsExactly("/operations/incidents/" + incident);
    }

    @Test
    void rightsHeldByNobodyOrBySomeoneWhoLeftArePassedOverAndShownAsGaps() throws Exception {
        String wf = workflow(Map.of(DecisionRight.QUALITY_MONITOR, "left", DecisionRight.ESCALATION_CONTACT, "-"));
        long left = personId("left");
        send(put("/api/v1/people/" + left), """
                {"email":"left-%1$s@ops.test","name":"left %1$s","level":"PRACTITIONER","tier":"CONSUMER","active":false}"""
                .formatted(suffix), ADMIN);
        long incident = json(send(post("/api/v1/incidents"), """
                {"title":"Harmful reply reported","severity":"SEV1","workflowKey":"%s"}""".formatted(wf), ADMIN))
                .<Number>read("$.id").longValue();
        DocumentContext i = incident(incident);
        assertThat(i.<String>read("$.incident.assigneeRight")).isEqualTo("ACCOUNTABLE_OWNER");
        assertThat(i.<String>read("$.incident.assigneeName")).isEqualTo("a " + suffix);
        assertThat(i.<Object>read("$.incident.acknowledgeBy")).as("nobody after the accountable owner").isNull();
        assertThat(i.<List<String>>read("$.timeline[?(@.kind == 'ROUTING_GAP')].detail")).containsExactly(
                "QUALITY_MONITOR is held by left " + suffix + ", who is no longer active",
                "ESCALATION_CONTACT is held by nobody");
    }

    @Test
    void aSeriousIncidentOfAHighRiskWorkflowCountsDownToItsArticle73ReportAndEscalatesAtHalfAnd90Percent()
            throws Exception {
        String wf = workflow(Map.of(DecisionRight.QUALITY_MONITOR, "q", DecisionRight.ESCALATION_CONTACT, "e"));
        long incident = json(send(post("/api/v1/incidents"), """
                {"title":"Applicant wrongly rejected","severity":"SEV4","workflowKey":"%s"}""".formatted(wf), ADMIN))
                .<Number>read("$.id").longValue();
        assertThat(status(post("/api/v1/incidents/" + incident + "/serious"), "{\"kind\":\"OTHER\"}", ADMIN))
                .as("not classified HIGH_RISK").isEqualTo(409);
        send(put("/api/v1/workflows/" + wf + "/risk-classification"), """
                {"personalData":true,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":["4(a)"],
                 "narrowProceduralTask":false,"profiling":true,"autonomy":"SUGGESTS","internalDecisionSupport":true,
                 "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
                 "prohibitedPractices":[]}""", ADMIN);
        Instant opened = Instant.parse(incident(incident).read("$.incident.openedAt"));
        DocumentContext marked = json(send(post("/api/v1/incidents/" + incident + "/serious"), "{\"kind\":\"DEATH\"}", ADMIN));
        assertThat(Instant.parse(marked.read("$.reportDueAt"))).isEqualTo(opened.plus(Duration.ofDays(10)));
        marked = json(send(post("/api/v1/incidents/" + incident + "/serious"), "{\"kind\":\"OTHER\"}", ADMIN));
        assertThat(Instant.parse(marked.read("$.reportDueAt"))).isEqualTo(opened.plus(Duration.ofDays(15)));
        assertThat(marked.<String>read("$.assigneeRight")).isEqualTo("QUALITY_MONITOR");

        clock.advance(Duration.ofDays(7));
        assertThat(evaluation.evaluate(nextRound()).escalated()).as("before half the time").isZero();
        clock.advance(Duration.ofHours(13));
        assertThat(evaluation.evaluate(nextRound()).escalated()).isEqualTo(1);
        DocumentContext half = incident(incident);
        assertThat(half.<String>read("$.incident.assigneeRight")).isEqualTo("ESCALATION_CONTACT");
        assertThat(half.<List<String>>read("$.timeline[?(@.kind == 'ESCALATED')].detail")).singleElement().asString()
                .startsWith("Half of the Art. 73 reporting time has passed");
        clock.advance(Duration.ofDays(6));
        evaluation.evaluate(nextRound());
        DocumentContext ninety = incident(incident);
        assertThat(ninety.<String>read("$.incident.assigneeRight")).isEqualTo("ACCOUNTABLE_OWNER");
        assertThat(ninety.<Integer>read("$.incident.reportEscalations")).isEqualTo(2);

        send(post("/api/v1/incidents/" + incident + "/reported"), "{\"reference\":\"MSA-2026-117\"}", ADMIN);
        DocumentContext reported = incident(incident);
        assertThat(reported.<String>read("$.incident.reportReference")).isEqualTo("MSA-2026-117");
        assertThat(reported.<List<String>>read("$.timeline[*].kind")).contains("MARKED_SERIOUS", "REPORTED");
        assertThat(status(post("/api/v1/incidents/" + incident + "/reported"), "{}", ADMIN)).isEqualTo(409);
        assertThat(status(post("/api/v1/incidents/" + incident + "/serious"), "{\"kind\":\"nonsense\"}", ADMIN))
                .isEqualTo(400);
        var report = mvc.perform(get("/operations/incidents/" + incident + "/report").with(ADMIN)).andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentAsString()).contains("Serious incident report (EU AI Act, Art. 73)", "MSA-2026-117",
                "Applicant wrongly rejected");
    }

    @Test
    void myWorkListsTheIncidentsRoutedToMeAndTheDrillsOfTheFallbacksIOwn() throws Exception {
        String wf = workflow(Map.of(DecisionRight.QUALITY_MONITOR, "q"));
        users.create(new NewUser("q-" + suffix, "Q", "q-" + suffix + "@ops.test", Role.CONTRIBUTOR, "contributor-password-1"));
        RequestPostProcessor q = httpBasic("q-" + suffix, "contributor-password-1");
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/me/work"), null, q), "$.incidents")).isEmpty();
        long incident = json(send(post("/api/v1/incidents"), """
                {"title":"Reply in the wrong language","severity":"SEV3","workflowKey":"%s"}""".formatted(wf), ADMIN))
                .<Number>read("$.id").longValue();
        send(put("/api/v1/workflows/" + wf + "/fallback"), """
                {"procedure":"By hand","ownerEmail":"q-%s@ops.test","maxSwitchMinutes":20}""".formatted(suffix), ADMIN);
        DocumentContext work = json(send(get("/api/v1/me/work"), null, q));
        assertThat(work.<String>read("$.personName")).isEqualTo("q " + suffix);
        assertThat(work.<List<Integer>>read("$.incidents[*].id")).containsExactly((int) incident);
        assertThat(work.<List<String>>read("$.drills[*].workflowKey")).containsExactly(wf);
        assertThat(json(send(get("/api/v1/me/work"), null, ADMIN)).<Object>read("$.personId"))
                .as("the administrator is no person of the directory").isNull();
        var page = mvc.perform(get("/my-work").with(q)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Reply in the wrong language", "never drilled, due now");
    }

    @Test
    void tooFewSamplesGiveNoDataAndNoIncident() throws Exception {
        String wf = workflow(Map.of());
        events(wf, 2, 2);
        long monitor = monitor(wf, "overrideRate", "GT", "0.1", 7, 100, "SEV2");
        evaluation.evaluate(nextRound());
        DocumentContext m = json(send(get("/api/v1/monitors/" + monitor), null, ADMIN));
        assertThat(m.<String>read("$.state")).isEqualTo("NO_DATA");
        assertThat(m.<String>read("$.lastReason")).isEqualTo("4 samples, fewer than the minimum of 100");
        assertThat(incidentsOf(wf)).isEmpty();
    }

    @Test
    void twoNodesEvaluatingTheSameRoundAtOnceEvaluateItOnce() throws Exception {
        String wf = workflow(Map.of());
        events(wf, 1, 9);
        long monitor = monitor(wf, "overrideRate", "GT", "0.5", 7, 1, "SEV3");
        long round = nextRound();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<MonitorEvaluation.RoundResult> node = () -> evaluation.evaluate(round);
            List<Future<MonitorEvaluation.RoundResult>> results = nodes.invokeAll(List.of(node, node));
            long claimed = 0;
            for (Future<MonitorEvaluation.RoundResult> r : results) {
                claimed += r.get().claimed() ? 1 : 0;
            }
            assertThat(claimed).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/monitors/" + monitor + "/transitions"), null, ADMIN), "$"))
                .hasSize(1);
        assertThat(incidentsOf(wf)).hasSize(1);
    }

    @Test
    void badMonitorsAnswer400NamingTheFieldAndCreateNothing() throws Exception {
        String wf = workflow(Map.of());
        int before = JsonPath.<List<Object>>read(send(get("/api/v1/monitors"), null, ADMIN), "$").size();
        String body = """
                {"name":"x","workflowKey":"%s","signal":"%s","comparator":"GT","threshold":1,"windowDays":%d,
                 "minSamples":0,"severity":"SEV3"}""";
        assertField(body.formatted(wf, "happiness", 7), "signal");
        assertField(body.formatted(wf, "overrideRate", 0), "windowDays");
        assertField(body.formatted(wf, "unattributedShare", 7), "signal");
        assertField(body.formatted("no-such-" + suffix, "overrideRate", 7), "workflowKey");
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/monitors"), null, ADMIN), "$")).hasSize(before);
        assertThat(status(post("/api/v1/monitors"), body.formatted(wf, "overrideRate", 7),
                httpBasic("viewer-" + viewer(), "viewer-password-1"))).isEqualTo(403);
    }

    private String viewer() {
        users.create(new NewUser("viewer-" + suffix, "V", null, Role.VIEWER, "viewer-password-1"));
        return suffix;
    }

    private void assertField(String body, String field) throws Exception {
        var response = mvc.perform(post("/api/v1/monitors").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    private long nextRound() {
        clock.advance(properties.roundInterval());
        return evaluation.currentRound();
    }

    /** A workflow whose rights are held by the named people (created as name-suffix@ops.test); the rest by "a". */
    private String workflow(Map<DecisionRight, String> holders) throws Exception {
        String key = "ops-" + suffix;
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"Ops %s\",\"kind\":\"AGENT\",\"telemetryKeys\":[]}"
                .formatted(key, suffix), ADMIN);
        person("a");
        StringBuilder rights = new StringBuilder();
        for (DecisionRight right : DecisionRight.values()) {
            String holder = holders.getOrDefault(right, "a");
            if (holder.equals("-")) {
                continue;
            }
            if (!holder.equals("a")) {
                person(holder);
            }
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"")
                    .append(holder).append('-').append(suffix).append("@ops.test\"");
        }
        person("u");
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Ops workflow %s","stage":"PILOT","systems":["%s"],"decisionRights":{%s},
                 "intendedUsers":{"people":["u-%s@ops.test"],"teams":[]}}""".formatted(key, suffix, key, rights, suffix),
                ADMIN);
        return key;
    }

    private void person(String name) throws Exception {
        int status = status(post("/api/v1/people"), """
                {"email":"%1$s-%2$s@ops.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                .formatted(name, suffix), ADMIN);
        assertThat(status).isIn(201, 409);
    }

    private long personId(String name) throws Exception {
        return JsonPath.<Number>read(send(get("/api/v1/people").param("q", name + "-" + suffix + "@ops.test"), null, ADMIN),
                "$.content[0].id").longValue();
    }

    private void events(String wf, int accepted, int overridden) throws Exception {
        StringBuilder lines = new StringBuilder();
        Instant at = clock.instant().minus(Duration.ofHours(2));
        for (int n = 0; n < accepted + overridden; n++) {
            lines.append("{\"id\":\"%s-%d\",\"time\":\"%s\",\"person\":\"u-%s@ops.test\",\"system\":\"%s\",\"workflow\":\"%s\",\"operation\":\"chat\",\"outcome\":\"%s\"}\n"
                    .formatted(wf, n, at.minusSeconds(n), suffix, wf, wf, n < accepted ? "ACCEPTED" : "OVERRIDDEN"));
        }
        send(post("/api/v1/usage-events").contentType("application/x-ndjson").content(lines.toString()), null, ADMIN);
        rollups.rollUpPending();
    }

    private long monitor(String wf, String signal, String comparator, String threshold, int window, int samples,
            String severity) throws Exception {
        return json(send(post("/api/v1/monitors"), """
                {"name":"%s watch","workflowKey":"%s","signal":"%s","comparator":"%s","threshold":%s,"windowDays":%d,
                 "minSamples":%d,"severity":"%s"}""".formatted(signal, wf, signal, comparator, threshold, window, samples,
                severity), ADMIN)).<Number>read("$.id").longValue();
    }

    private List<Map<String, Object>> incidentsOf(String wf) throws Exception {
        return JsonPath.read(send(get("/api/v1/incidents").param("workflow", wf), null, ADMIN), "$");
    }

    private DocumentContext incident(long id) throws Exception {
        return json(send(get("/api/v1/incidents/" + id), null, ADMIN));
    }

    private static DocumentContext json(String body) {
        return JsonPath.parse(body);
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(as)).andReturn().getResponse().getStatus();
    }
}
