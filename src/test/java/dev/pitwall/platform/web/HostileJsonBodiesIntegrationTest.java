package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.HostileInput;
import dev.pitwall.testing.HostileInput.Case;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every JSON write endpoint of the API against the hostile corpus of {@link HostileInput}: each
 * leaf of a valid body replaced by hostile values, and whole-body attacks. None may answer 5xx; a
 * refusal names the field; a value that can never be valid is refused; and a refused request
 * leaves every table as it was.
 */
@PitwallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJsonBodiesIntegrationTest {

    /**
     * The administrator by API token: a password would be hashed with BCrypt on each of two
     * thousand requests.
     */
    private static RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** Logs that record refusals too, and read models that background work updates. */
    private static final List<String> VOLATILE = List.of("ingestion_batch", "rollup", "active_month", "daily_slice",
            "event_publication", "flyway", "write_probe", "scorecard", "login_throttle");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger unique = new AtomicInteger();
    private String stateQuery;
    private long person;
    private long secondPerson;
    private long team;
    private long skill;
    private long initiative;
    private long kpi;
    private long dataSource;
    private long rule;
    private long user;
    private long self;
    private long erasable;
    private RequestPostProcessor owner;

    /**
     * An endpoint with a body that it accepts; {@code {n}} in it becomes a fresh number each time.
     *
     * @param auth who sends it
     * @param prepare what restores the state the body needs before each case
     */
    private record Endpoint(HttpMethod method, String path, String body, RequestPostProcessor auth,
            Preparation prepare) {

        Endpoint(HttpMethod method, String path, String body) {
            this(method, path, body, ADMIN, () -> { });
        }

        String fresh(String text, int n) {
            return text.replace("{n}", String.valueOf(n));
        }
    }

    @FunctionalInterface
    private interface Preparation {
        void run() throws Exception;
    }

    @BeforeAll
    void organization() throws Exception {
        stateQuery = HostileInput.stateQuery(jdbc, VOLATILE);
        String adminToken = JsonPath.read(send(HttpMethod.POST, "/api/v1/tokens",
                "{\"name\":\"hostile\",\"scopes\":[\"READ\",\"WRITE\",\"INGEST\",\"ADMIN\",\"REVIEW\"]}").getContentAsString(),
                "$.secret");
        ADMIN = request -> {
            request.addHeader("Authorization", "Bearer " + adminToken);
            return request;
        };
        team = id(send(HttpMethod.POST, "/api/v1/teams", "{\"name\":\"Hostile team\"}"));
        person = id(send(HttpMethod.POST, "/api/v1/people", """
                {"email":"hostile1@hostile.test","name":"Hostile One","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                .formatted(team)));
        secondPerson = id(send(HttpMethod.POST, "/api/v1/people", """
                {"email":"hostile2@hostile.test","name":"Hostile Two","level":"MANAGER","tier":"INTEGRATOR"}"""));
        skill = ((Number) JsonPath.read(send(HttpMethod.GET, "/api/v1/skills", null).getContentAsString(), "$[0].id"))
                .longValue();
        send(HttpMethod.POST, "/api/v1/ai-systems", """
                {"key":"hostile-system","name":"Hostile system","kind":"AGENT","telemetryKeys":[]}""");
        send(HttpMethod.POST, "/api/v1/ai-systems/hostile-system/review-callback-key", "{}");
        initiative = id(send(HttpMethod.POST, "/api/v1/initiatives", """
                {"name":"Hostile initiative","objective":"Survive","stage":"ACTIVE"}"""));
        StringBuilder rights = new StringBuilder();
        for (dev.pitwall.portfolio.DecisionRight right : dev.pitwall.portfolio.DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append("\"").append(right).append("\":\"hostile1@hostile.test\"");
        }
        send(HttpMethod.POST, "/api/v1/workflows", """
                {"key":"hostile-workflow","name":"Hostile workflow","initiative":"Hostile initiative","stage":"PILOT",
                 "systems":["hostile-system"],"decisionRights":{%s},"dataSources":[{"name":"CRM","owningSystem":"CRM"}],
                 "intendedUsers":{"people":["hostile1@hostile.test"],"teams":[]}}""".formatted(rights));
        send(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/review-policy", """
                {"rules":[{"always":true}],"deadlineHours":4,"keepContent":true,"contentRetentionDays":30}""");
        send(HttpMethod.POST, "/api/v1/workflows", """
                {"key":"hostile-planned","name":"Hostile planned workflow","stage":"IDEA"}""");
        send(HttpMethod.POST, "/api/v1/workflows/hostile-planned/kpis", """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY"}""");
        kpi = id(send(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/kpis", """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY"}"""));
        dataSource = ((Number) JsonPath.read(send(HttpMethod.GET, "/api/v1/workflows/hostile-workflow", null)
                .getContentAsString(), "$.dataSources[0].id")).longValue();
        rule = id(send(HttpMethod.POST, "/api/v1/attribution-rules", """
                {"name":"Hostile rule","priority":5,"systemKey":"hostile-system","workflowKey":"hostile-workflow"}"""));
        erasable = id(send(HttpMethod.POST, "/api/v1/people", """
                {"email":"erasable@hostile.test","name":"Erasable Person","level":"PRACTITIONER","tier":"CONSUMER"}"""));
        user = id(send(HttpMethod.POST, "/api/v1/users", """
                {"username":"hostile-user","displayName":"Hostile","role":"VIEWER","password":"correct-horse-battery"}"""));
        self = id(send(HttpMethod.POST, "/api/v1/users", """
                {"username":"hostile-self","displayName":"Self","role":"VIEWER","password":"correct-horse-battery"}"""));
        send(HttpMethod.POST, "/api/v1/users", """
                {"username":"hostile-owner","displayName":"Owner","email":"hostile1@hostile.test","role":"OWNER",
                 "password":"correct-horse-battery"}""");
        String ownerToken = JsonPath.read(mvc.perform(request(HttpMethod.POST, "/api/v1/tokens")
                .with(httpBasic("hostile-owner", "correct-horse-battery")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"owner\",\"scopes\":[\"READ\",\"WRITE\"]}")).andReturn().getResponse()
                .getContentAsString(), "$.secret");
        owner = request -> {
            request.addHeader("Authorization", "Bearer " + ownerToken);
            return request;
        };
    }

    /** A case may have changed hostile-self's password; each case starts from the known one. */
    private void resetOwnPassword() throws Exception {
        send(HttpMethod.POST, "/api/v1/users/" + self + "/password", "{\"newPassword\":\"correct-horse-battery\"}");
    }

    /** The stage endpoint's body moves the workflow to IDEA; each case starts from PILOT. */
    private void backToPilot() throws Exception {
        String stage = JsonPath.read(send(HttpMethod.GET, "/api/v1/workflows/hostile-workflow", null).getContentAsString(),
                "$.workflow.stage");
        if (!"PILOT".equals(stage)) {
            send(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/stage",
                    "{\"stage\":\"PILOT\",\"effectiveOn\":\"" + TODAY + "\"}");
        }
    }

    private List<Endpoint> endpoints() {
        String day = TODAY.minusDays(3).toString();
        String time = TODAY.minusDays(1) + "T09:00:00Z";
        return List.of(
                new Endpoint(HttpMethod.POST, "/api/v1/teams", "{\"name\":\"Team {n}\",\"description\":\"d\",\"parentId\":" + team + "}"),
                new Endpoint(HttpMethod.PUT, "/api/v1/teams/" + team, "{\"name\":\"Hostile team\",\"description\":\"d\"}"),
                new Endpoint(HttpMethod.PUT, "/api/v1/github-copilot/teams/hostile-github-team/mapping",
                        "{\"teamId\":" + team + "}"),
                new Endpoint(HttpMethod.POST, "/api/v1/people", """
                        {"email":"p{n}@hostile.test","externalId":"e{n}","name":"P","title":"T","teamId":%d,"managerId":%d,
                         "level":"PRACTITIONER","tier":"CONSUMER","active":true}""".formatted(team, secondPerson)),
                new Endpoint(HttpMethod.PUT, "/api/v1/people/" + person, """
                        {"email":"hostile1@hostile.test","name":"Hostile One","title":"T","level":"PRACTITIONER",
                         "tier":"CONSUMER","active":true,"teamId":%d}""".formatted(team)),
                new Endpoint(HttpMethod.POST, "/api/v1/skills", "{\"name\":\"Skill {n}\",\"category\":\"AI\",\"description\":\"d\"}"),
                new Endpoint(HttpMethod.POST, "/api/v1/skill-assessments", """
                        {"personId":%d,"skillId":%d,"level":2,"assessedOn":"%s","source":"s{n}"}""".formatted(person, skill, day)),
                new Endpoint(HttpMethod.POST, "/api/v1/learning-records", """
                        {"personId":%d,"course":"Course {n}","skillId":%d,"status":"PASSED","score":80,"completedOn":"%s",
                         "workflowKey":"hostile-workflow","source":"lms"}""".formatted(person, skill, day)),
                new Endpoint(HttpMethod.POST, "/api/v1/ai-systems", """
                        {"key":"sys-{n}","name":"System","kind":"LLM_APPLICATION","provider":"P","models":["m1"],"ownerId":%d,
                         "description":"d","telemetryKeys":[{"kind":"SERVICE_NAME","value":"svc-{n}"}]}""".formatted(person)),
                new Endpoint(HttpMethod.PUT, "/api/v1/ai-systems/hostile-system", """
                        {"key":"hostile-system","name":"Hostile system","kind":"AGENT","provider":"P","models":["m1"],
                         "telemetryKeys":[{"kind":"AGENT_NAME","value":"hostile-agent"}]}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/ai-systems/hostile-system/availability",
                        "[{\"day\":\"" + day + "\",\"availability\":0.99}]"),
                new Endpoint(HttpMethod.PUT, "/api/v1/ai-systems/hostile-system/targets", """
                        {"qualityTarget":0.9,"availabilityTarget":0.99,"deploymentTarget":2,"roiTarget":1}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/targets", """
                        {"qualityTarget":0.8,"availabilityTarget":0.99,"deploymentTarget":1,"roiTarget":1}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/attribution-rules", """
                        {"name":"Rule {n}","priority":{n},"systemKey":"hostile-system","teamName":"Hostile team","operation":"chat",
                         "workflowKey":"hostile-workflow","enabled":true}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/attribution-rules/" + rule, """
                        {"name":"Hostile rule","priority":5,"systemKey":"hostile-system","workflowKey":"hostile-workflow","enabled":true}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/data-sources/" + dataSource + "/assessments", """
                        {"assessedOn":"%s","freshness":3,"quality":3,"access":2,"governance":4,"note":"n"}""".formatted(day)),
                new Endpoint(HttpMethod.POST, "/api/v1/deployments", """
                        {"system":"hostile-system","version":"1.{n}","time":"%s","status":"SUCCEEDED","environment":"production",
                         "pipelineUrl":"https://ci.example/1","workflow":"hostile-workflow"}""".formatted(time)),
                new Endpoint(HttpMethod.POST, "/api/v1/initiatives", """
                        {"name":"Initiative {n}","objective":"o","sponsorId":%d,"stage":"ACTIVE","startDate":"%s"}"""
                        .formatted(person, day)),
                new Endpoint(HttpMethod.PUT, "/api/v1/initiatives/" + initiative, """
                        {"name":"Hostile initiative","objective":"Survive","sponsorId":%d,"stage":"ACTIVE","startDate":"%s"}"""
                        .formatted(person, day)),
                new Endpoint(HttpMethod.POST, "/api/v1/initiatives/" + initiative + "/budget-lines", """
                        {"category":"WORKFORCE","pipelineStage":"UPSKILL","tier":"CONSUMER","workflowKey":"hostile-workflow",
                         "description":"Training","amount":1200.50,"spentOn":"%s"}""".formatted(day)),
                new Endpoint(HttpMethod.PUT, "/api/v1/initiatives/" + initiative + "/pipelines/COLLECT", """
                        {"status":"DONE","startedOn":"%s","completedOn":"%s","assigneeId":%d}"""
                        .formatted(TODAY.minusDays(20), day, person)),
                new Endpoint(HttpMethod.PUT, "/api/v1/kpis/" + kpi, """
                        {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                         "baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s","target":600,"valuePerUnit":50,
                         "owner":"hostile1@hostile.test","dataSource":"ERP","cadence":"MONTHLY"}"""
                        .formatted(TODAY.minusDays(200), TODAY.minusDays(100))),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/kpis", """
                        {"name":"KPI {n}","unit":"cases","level":"OPERATIONAL","direction":"HIGHER_IS_BETTER","baselineValue":10,
                         "baselineFrom":"%s","baselineTo":"%s","target":20,"valuePerUnit":5,"cadence":"WEEKLY","parentId":%d}"""
                        .formatted(TODAY.minusDays(90), TODAY.minusDays(60), kpi)),
                new Endpoint(HttpMethod.POST, "/api/v1/kpis/" + kpi + "/measurements", """
                        {"periodEnd":"%s","value":900,"note":"n"}""".formatted(day)),
                new Endpoint(HttpMethod.POST, "/api/v1/kpis/" + kpi + "/measurements/batch", """
                        [{"periodEnd":"%s","value":900},{"periodEnd":"%s","value":800}]"""
                        .formatted(TODAY.minusDays(40), TODAY.minusDays(10))),
                new Endpoint(HttpMethod.POST, "/api/v1/kpis/" + kpi + "/team-measurements", """
                        [{"team":"Hostile team","periodEnd":"%s","value":41.5,"note":"n"}]""".formatted(day)),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/team-go-lives", """
                        [{"team":"Hostile team","liveOn":"%s"}]""".formatted(TODAY.minusDays(30))),
                new Endpoint(HttpMethod.POST, "/api/v1/governance/controls", """
                        {"key":"control-{n}","name":"Control","description":"d","evidence":"e","requiredTiers":["HIGH"],
                         "requiredEuObligations":[],"references":[{"framework":"NIST_AI_RMF","ref":"GOVERN 1.1"}]}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/governance/risk-preview", """
                        {"personalData":true,"regulatedData":false,"customerFacing":true,"annexIiiUseCases":["4(a)"],
                         "narrowProceduralTask":false,"profiling":false,"autonomy":"SUGGESTS","internalDecisionSupport":false,
                         "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,
                         "emotionOrBiometric":false,"prohibitedPractices":[]}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/risk-classification", """
                        {"personalData":false,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":[],
                         "narrowProceduralTask":false,"profiling":false,"autonomy":"SUGGESTS","internalDecisionSupport":true,
                         "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,
                         "emotionOrBiometric":false,"prohibitedPractices":[]}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/controls/logging", """
                        {"status":"PLANNED","ownerEmail":"hostile1@hostile.test","reviewOn":"%s","expiresOn":"%s","note":"n"}"""
                        .formatted(TODAY.plusDays(30), TODAY.plusDays(300))),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/controls/logging/evidence", """
                        {"title":"Runbook {n}","url":"https://wiki.example/runbook"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/decision-rights/QUALITY_MONITOR", """
                        {"holder":"hostile2@hostile.test","note":"n"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/definition", """
                        {"key":"hostile-workflow","name":"Hostile workflow","description":"d","initiative":"Hostile initiative",
                         "aiGoLive":"%s","systems":["hostile-system"],"decisionRights":{"ACCOUNTABLE_OWNER":"hostile1@hostile.test"},
                         "steps":[{"name":"Read","actor":"HUMAN","tool":"Mail","manualHandoff":true,"manualDataAssembly":false}],
                         "roles":[{"name":"Reviewer","description":"r","members":["hostile1@hostile.test"],
                                   "skills":[{"skill":"Evaluating AI output","level":2}]}],
                         "intendedUsers":{"people":["hostile1@hostile.test"],"teams":["Hostile team"]},
                         "dataSources":[{"name":"CRM","owningSystem":"CRM","steward":"hostile2@hostile.test"}]}"""
                        .formatted(TODAY.minusDays(50))),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows", """
                        {"key":"wf-{n}","name":"Workflow","description":"d","initiative":"Hostile initiative","stage":"IDEA",
                         "aiGoLive":"%s","systems":["hostile-system"],"intendedUsers":{"people":[],"teams":["Hostile team"]}}"""
                        .formatted(TODAY.minusDays(5))),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/stage", """
                        {"stage":"IDEA","effectiveOn":"%s","reason":"r"}""".formatted(TODAY), ADMIN, this::backToPilot),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/waivers", """
                        {"reason":"r","grantedOn":"%s","expiresOn":"%s"}""".formatted(day, TODAY.plusDays(20)),
                        owner, () -> { }),
                new Endpoint(HttpMethod.POST, "/api/v1/monitors", """
                        {"name":"Monitor {n}","workflowKey":"hostile-workflow","signal":"overrideRate","comparator":"GT",
                         "threshold":0.1,"windowDays":7,"minSamples":10,"severity":"SEV3","enabled":true}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/incidents", """
                        {"title":"Incident {n}","description":"d","severity":"SEV3","workflowKey":"hostile-workflow",
                         "category":"QUALITY"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/fallback", """
                        {"procedure":"By hand {n}","ownerEmail":"hostile1@hostile.test","maxSwitchMinutes":30}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/drills", """
                        {"drilledOn":"%s","switchMinutes":10,"throughputRatio":0.5,"passed":true,"notes":"n {n}"}"""
                        .formatted(TODAY.minusDays(3)), ADMIN, this::declareFallback),
                new Endpoint(HttpMethod.POST, "/api/v1/workflows/hostile-workflow/operating-reviews", """
                        {"heldOn":"%s","attendeeEmails":["hostile1@hostile.test"],"decisions":["Decision {n}"],
                         "actions":[{"title":"Action {n}","ownerEmail":"hostile1@hostile.test","dueOn":"%s"}],"notes":"n"}"""
                        .formatted(TODAY, TODAY.plusDays(7))),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/review-cadence", """
                        {"everyMonths":2}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/insight/misaligned-use/rules", """
                        {"teamName":"Hostile team","systemKey":"hostile-system","workflowKey":"hostile-workflow"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/insight/misaligned-use/intended-users", """
                        {"teamName":"Hostile team","workflowKey":"hostile-planned"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/insight/pulses", """
                        {"title":"Pulse {n}","template":"CONFIDENCE_CHECK","population":{"levels":["PRACTITIONER"],
                         "tiers":[],"teams":[]},"closesOn":"%s"}""".formatted(TODAY.plusDays(10))),
                new Endpoint(HttpMethod.PUT, "/api/v1/insight/workflows/hostile-planned/expectation", """
                        {"kpi":"Hours","expectedEffect":-50,"horizonMonths":6,"note":"Half the exceptions"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/review-policy", """
                        {"rules":[{"attribute":"amount","above":1000}],"deadlineHours":4,"keepContent":true,
                         "contentRetentionDays":30}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/review-items", """
                        {"workflowKey":"hostile-workflow","systemKey":"hostile-system","externalReference":"ref-{n}",
                         "summary":"Summary {n}","content":"c","confidence":0.5,"riskFlags":["f"],
                         "attributes":{"currency":"EUR"},"callbackUrl":"https://hooks.hostile.test/{n}"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/people/" + erasable + "/erasure", """
                        {"confirm":"erasable@hostile.test"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/saved-views", """
                        {"name":"View {n}","path":"/scorecards","query":"stage=PRODUCTION&constraint=WORKFORCE"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/board-packs", """
                        {"period":"%s"}""".formatted(java.time.YearMonth.from(TODAY).minusMonths(1))),
                new Endpoint(HttpMethod.POST, "/api/v1/subscriptions", """
                        {"name":"Subscription {n}","channel":"WEBHOOK","url":"https://hooks.hostile.test/{n}",
                         "eventTypes":["incident.opened"],"workflowKey":"hostile-workflow"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/tokens", """
                        {"name":"Token {n}","scopes":["READ"],"expiresAt":"%s"}""".formatted(TODAY.plusDays(20) + "T00:00:00Z")),
                new Endpoint(HttpMethod.POST, "/api/v1/users", """
                        {"username":"user-{n}","displayName":"User","email":"u{n}@hostile.test","role":"VIEWER",
                         "password":"correct-horse-battery"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/users/" + user, """
                        {"displayName":"Hostile","email":"hostile-user@hostile.test","role":"VIEWER","enabled":true}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/users/" + user + "/password", """
                        {"newPassword":"another-horse-battery"}"""),
                new Endpoint(HttpMethod.PUT, "/api/v1/organization", """
                        {"name":"Organization {n}","currency":"EUR"}"""),
                new Endpoint(HttpMethod.POST, "/api/v1/me/password", """
                        {"currentPassword":"correct-horse-battery","newPassword":"correct-horse-battery"}""",
                        httpBasic("hostile-self", "correct-horse-battery"), this::resetOwnPassword));
    }

    /** A drill needs a declared fallback. */
    private void declareFallback() throws Exception {
        send(HttpMethod.PUT, "/api/v1/workflows/hostile-workflow/fallback", "{\"procedure\":\"By hand\",\"maxSwitchMinutes\":30}");
    }

    @TestFactory
    Stream<DynamicTest> everyJsonWriteEndpointSurvivesTheHostileCorpus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String base = endpoint.fresh(endpoint.body(), unique.incrementAndGet());
            tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + ": the valid body is accepted",
                    () -> {
                        endpoint.prepare().run();
                        MockHttpServletResponse response = perform(endpoint,
                                endpoint.fresh(endpoint.body(), unique.incrementAndGet()));
                        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
                    }));
            List<Case> cases = new ArrayList<>(HostileInput.leaves(base));
            cases.addAll(HostileInput.bodies(base));
            for (Case c : cases) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + ": " + c.name(),
                        () -> check(endpoint, c)));
            }
        }
        return tests.stream();
    }

    private MockHttpServletResponse perform(Endpoint endpoint, String body) throws Exception {
        return mvc.perform(request(endpoint.method(), endpoint.path()).with(endpoint.auth())
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
    }

    private void check(Endpoint endpoint, Case c) throws Exception {
        endpoint.prepare().run();
        String body = endpoint.fresh(c.body(), unique.incrementAndGet());
        Map<String, Long> before = HostileInput.state(jdbc, stateQuery);
        MockHttpServletResponse response = perform(endpoint, body);
        int status = response.getStatus();
        String text = response.getContentAsString();
        assertThat(status).as("status of %s, answered %s", c.name(), text).isLessThan(500);
        if (c.mustRefuse()) {
            assertThat(status).as("%s must be refused, answered %s", c.name(), text).isGreaterThanOrEqualTo(400);
        }
        if (status >= 400) {
            assertThat(HostileInput.state(jdbc, stateQuery)).as("state after refusing %s", c.name()).isEqualTo(before);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            if (status == 400) {
                List<String> named = JsonPath.read(text, "$.errors[*].field");
                // A value that can never be valid must be named; a value of another kind may be
                // refused for what it means elsewhere (a number read as text names a system that
                // a workflow does not use), and then that other field is named.
                if (c.mustRefuse()) {
                    HostileInput.assertNames(c.field(), named, text);
                } else if (c.field() != null) {
                    assertThat(named).as("a refusal of %s names a field: %s", c.name(), text).isNotEmpty()
                            .allSatisfy(n -> assertThat(n).isNotBlank());
                }
            }
        }
    }

    private MockHttpServletResponse send(HttpMethod method, String path, String body) throws Exception {
        var request = request(method, path).with(ADMIN);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s %s: %s", method, path, response.getContentAsString()).isLessThan(300);
        return response;
    }

    private static long id(MockHttpServletResponse response) throws Exception {
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }
}
