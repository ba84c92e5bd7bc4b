package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Lifecycle policies on a workflow in production (on a waiver of its accountable owner): a SEV1
 * demotes it or puts its fallback in force, a monitor's own action does so whatever the severity,
 * and the way back needs the incident resolved and the gate (here the waiver).
 */
@PitwallIntegrationTest
class LifecycleIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;
    @Autowired
    MonitorEvaluation evaluation;
    @Autowired
    dev.pitwall.operations.internal.DeliveryWorker deliveries;

    private String key;
    private String suffix;

    @BeforeEach
    void workflowInProduction() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "lc-" + suffix;
        String owner = "owner-" + suffix + "@lc.test";
        send(post("/api/v1/people"), """
                {"email":"%s","name":"Owner %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(owner, suffix), ADMIN);
        send(post("/api/v1/people"), """
                {"email":"user-%s@lc.test","name":"User %s","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(suffix, suffix), ADMIN);
        users.create(new NewUser("lc-" + suffix, "Owner", owner, Role.OWNER, "lifecycle-owner-password"));
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"LC %s\",\"kind\":\"AGENT\",\"telemetryKeys\":[]}"
                .formatted(key, suffix), ADMIN);
        StringBuilder rights = new StringBuilder();
        for (DecisionRight right : DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"").append(owner).append('"');
        }
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Lifecycle %s","stage":"PILOT","aiGoLive":"%s","systems":["%s"],"decisionRights":{%s},
                 "intendedUsers":{"people":["user-%s@lc.test"],"teams":[]}}"""
                .formatted(key, suffix, TODAY.minusDays(30), key, rights, suffix), ADMIN);
        send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                 "baselineValue":100,"baselineFrom":"%s","baselineTo":"%s","target":60,"valuePerUnit":10,
                 "owner":"%s","cadence":"MONTHLY"}""".formatted(TODAY.minusDays(200), TODAY.minusDays(120), owner), ADMIN);
        send(post("/api/v1/workflows/" + key + "/waivers"), """
                {"reason":"Go-live before training completes","expiresOn":"%s"}""".formatted(TODAY.plusDays(60)),
                httpBasic("lc-" + suffix, "lifecycle-owner-password"));
        send(post("/api/v1/workflows/" + key + "/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"go-live\"}", ADMIN);
    }

    @Test
    void aSev1PutsTheFallbackInForceUntilTheIncidentIsResolvedAndTheGatePasses() throws Exception {
        // The workflow's AI systems listen for fallback mode on a signed webhook.
        dev.pitwall.testing.WebhookReceiver systems = new dev.pitwall.testing.WebhookReceiver();
        String subscribed = send(post("/api/v1/subscriptions"), """
                {"name":"Stop %s","channel":"WEBHOOK","url":"%s","eventTypes":["workflow.fallback.entered",
                 "workflow.fallback.ended"],"workflowKey":"%s"}""".formatted(key, systems.url("/control"), key), ADMIN);
        String secret = JsonPath.read(subscribed, "$.secret");
        send(put("/api/v1/workflows/" + key + "/fallback"), "{\"procedure\":\"By hand\",\"maxSwitchMinutes\":30}", ADMIN);
        send(put("/api/v1/workflows/" + key + "/lifecycle"), "{\"onSev1\":\"FALLBACK\"}", ADMIN);
        long minor = incident("SEV2");
        assertThat(fallbackSince()).as("a SEV2 does not act").isNull();
        long incident = incident("SEV1");
        assertThat(fallbackSince()).isNotNull();
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/incidents/" + incident), null, ADMIN),
                "$.timeline[?(@.kind == 'LIFECYCLE')].detail")).singleElement().asString()
                .contains("Fallback mode by the lifecycle policy", "By hand");
        // The runtime check denies the AI any action while the fallback is in force.
        String check = send(post("/api/v1/decisions/check"), """
                {"workflowKey":"%s","systemKey":"%s","action":"answer","person":"user-%s@lc.test"}"""
                .formatted(key, key, suffix), ADMIN);
        assertThat(JsonPath.<String>read(check, "$.decision")).isEqualTo("DENY");
        assertThat(JsonPath.<List<String>>read(check, "$.reasons")).contains("the workflow is in fallback mode: its AI must not act");
        deliveries.deliverDue();
        var stop = systems.last();
        assertThat(JsonPath.<String>read(stop.body(), "$.type")).isEqualTo("workflow.fallback.entered");
        assertThat(JsonPath.<String>read(stop.body(), "$.data.action")).isEqualTo("STOP");
        assertThat(JsonPath.<List<String>>read(stop.body(), "$.data.systemKeys")).containsExactly(key);
        String t = stop.header("Pitwall-Signature").replaceAll("^t=(\\d+),.*$", "$1");
        assertThat(stop.header("Pitwall-Signature")).endsWith("v1=" + dev.pitwall.operations.internal.DeliveryWorker
                .sign(secret, t + "." + stop.body()));
        assertThat(status(post("/api/v1/workflows/" + key + "/reinstate"))).isEqualTo(409);
        send(post("/api/v1/incidents/" + incident + "/resolve"), null, ADMIN);
        send(post("/api/v1/workflows/" + key + "/reinstate"), null, ADMIN);
        assertThat(fallbackSince()).isNull();
        deliveries.deliverDue();
        assertThat(JsonPath.<String>read(systems.last().body(), "$.data.action")).isEqualTo("RESUME");
        systems.close();
        send(delete("/api/v1/subscriptions/" + JsonPath.<Number>read(subscribed, "$.subscription.id")), null, ADMIN);
        assertThat(status(post("/api/v1/workflows/" + key + "/reinstate"))).as("no longer in fallback").isEqualTo(409);
        assertThat(minor).isNotEqualTo(incident);
    }

    @Test
    void theLifecyclePolicyIsPartOfTheOperatingModelYaml() throws Exception {
        send(put("/api/v1/workflows/" + key + "/lifecycle"), "{\"onSev1\":\"FALLBACK\"}", ADMIN);
        String yaml = send(get("/api/v1/operating-model").param("workflow", key), null, ADMIN);
        assertThat(yaml).contains("lifecycle:\n    onSev1: FALLBACK");
        send(post("/api/v1/operating-model").contentType("application/yaml")
                .content(yaml.replace("onSev1: FALLBACK", "onSev1: DEMOTE")), null, ADMIN);
        assertThat(JsonPath.<String>read(send(get("/api/v1/workflows/" + key + "/lifecycle"), null, ADMIN), "$.onSev1"))
                .isEqualTo("DEMOTE");
        var refused = mvc.perform(post("/api/v1/operating-model").with(ADMIN).contentType("application/yaml")
                .content(yaml.replace("onSev1: FALLBACK", "onSev1: PANIC")
                        .replace("name: Lifecycle ", "name: Renamed "))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
                .containsExactly("spec.lifecycle.onSev1");
        assertThat(JsonPath.<String>read(send(get("/api/v1/workflows/" + key), null, ADMIN), "$.workflow.name"))
                .as("nothing of the refused file was applied").startsWith("Lifecycle ");
        assertThat(JsonPath.<String>read(send(get("/api/v1/workflows/" + key + "/lifecycle"), null, ADMIN), "$.onSev1"))
                .isEqualTo("DEMOTE");
    }

    @Test
    void aSev1DemotesAndThePromotionBackWaitsForTheIncident() throws Exception {
        send(put("/api/v1/workflows/" + key + "/lifecycle"), "{\"onSev1\":\"DEMOTE\"}", ADMIN);
        long incident = incident("SEV1");
        assertThat(stage()).isEqualTo("PILOT");
        var refused = mvc.perform(post("/api/v1/workflows/" + key + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"PRODUCTION\",\"reason\":\"back\"}")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("incident " + incident);
        send(post("/api/v1/incidents/" + incident + "/resolve"), null, ADMIN);
        send(post("/api/v1/workflows/" + key + "/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"back\"}", ADMIN);
        assertThat(stage()).isEqualTo("PRODUCTION");
    }

    @Test
    void aMonitorWithItsOwnActionActsWhateverItsSeverity() throws Exception {
        StringBuilder lines = new StringBuilder();
        Instant at = Instant.now().minusSeconds(3600);
        for (int n = 0; n < 10; n++) {
            lines.append("{\"id\":\"%s-%d\",\"time\":\"%s\",\"person\":\"user-%s@lc.test\",\"system\":\"%s\",\"workflow\":\"%s\",\"operation\":\"chat\",\"outcome\":\"%s\"}\n"
                    .formatted(key, n, at.minusSeconds(n), suffix, key, key, n < 6 ? "ACCEPTED" : "OVERRIDDEN"));
        }
        send(post("/api/v1/usage-events").contentType("application/x-ndjson").content(lines.toString()), null, ADMIN);
        rollups.rollUpPending();
        send(post("/api/v1/monitors"), """
                {"name":"Overrides","workflowKey":"%s","signal":"overrideRate","comparator":"GT","threshold":0.1,
                 "windowDays":7,"minSamples":5,"severity":"SEV3","lifecycleAction":"DEMOTE"}""".formatted(key), ADMIN);
        evaluation.evaluate(evaluation.currentRound() + 1_000_000);
        assertThat(stage()).isEqualTo("PILOT");
    }

    private long incident(String severity) throws Exception {
        return JsonPath.<Number>read(send(post("/api/v1/incidents"), """
                {"title":"Wrong refunds","severity":"%s","workflowKey":"%s"}""".formatted(severity, key), ADMIN), "$.id")
                .longValue();
    }

    private Object fallbackSince() throws Exception {
        return JsonPath.read(send(get("/api/v1/workflows/" + key + "/lifecycle"), null, ADMIN), "$.fallbackSince");
    }

    private String stage() throws Exception {
        return JsonPath.read(send(get("/api/v1/workflows/" + key), null, ADMIN), "$.workflow.stage");
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(ADMIN)).andReturn().getResponse().getStatus();
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(as)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
