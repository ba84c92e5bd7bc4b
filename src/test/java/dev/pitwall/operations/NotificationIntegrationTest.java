package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.operations.internal.DeliveryWorker;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.WebhookReceiver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Webhooks against an in-process HTTP server that fails before it succeeds: events of a workflow
 * reach the subscriptions that receive them, signed; failures are retried after a growing wait;
 * the last failure dead-letters the delivery, which is replayed; Slack and Teams get their formats.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class NotificationIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    NotificationProperties properties;

    private WebhookReceiver server;
    private final List<Long> subscriptions = new ArrayList<>();
    private String suffix;
    private String base;

    @BeforeEach
    void server() throws IOException {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        server = new WebhookReceiver();
        base = server.url("");
    }

    @AfterEach
    void stop() throws Exception {
        // Open incidents would be escalated by later tests' rounds (the clock and the database are shared).
        for (Number open : JsonPath.<List<Number>>read(send(get("/api/v1/incidents").param("open", "true"), null),
                "$[?(@.title =~ /.*" + suffix + "/)].id")) {
            mvc.perform(post("/api/v1/incidents/" + open + "/resolve").with(ADMIN));
        }
        for (long id : subscriptions) {
            mvc.perform(delete("/api/v1/subscriptions/" + id).with(ADMIN));
        }
        server.close();
    }

    @Test
    void aSignedWebhookIsRetriedWithBackoffUntilTheServerTakesIt() throws Exception {
        String wf = workflow();
        String other = workflow();
        String created = send(post("/api/v1/subscriptions"), """
                {"name":"On-call %s","channel":"WEBHOOK","url":"%s/hook","eventTypes":["incident.opened"],"workflowKey":"%s"}"""
                .formatted(suffix, base, wf));
        String secret = JsonPath.read(created, "$.secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        subscriptions.add(JsonPath.<Number>read(created, "$.subscription.id").longValue());
        // The secret is never shown again.
        assertThat(send(get("/api/v1/subscriptions"), null)).doesNotContain(secret);

        server.failNext(2);
        send(post("/api/v1/incidents"), "{\"title\":\"Other %s\",\"severity\":\"SEV3\",\"workflowKey\":\"%s\"}".formatted(suffix, other));
        send(post("/api/v1/incidents"), "{\"title\":\"Harmful answer %s\",\"severity\":\"SEV2\",\"workflowKey\":\"%s\"}"
                .formatted(suffix, wf));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(server.received()).hasSize(1);
        assertThat(worker.deliverDue()).as("not due before its backoff").isZero();
        clock.advance(properties.backoffAfter(1));
        assertThat(worker.deliverDue()).isEqualTo(1);
        clock.advance(properties.backoffAfter(1));
        assertThat(worker.deliverDue()).as("the second wait is twice the first").isZero();
        clock.advance(properties.backoffAfter(2).minus(properties.backoffAfter(1)));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(server.received()).hasSize(3);

        WebhookReceiver.Received last = server.received().get(2);
        assertThat(last.path()).isEqualTo("/hook");
        assertThat(JsonPath.<String>read(last.body(), "$.type")).isEqualTo("incident.opened");
        assertThat(JsonPath.<String>read(last.body(), "$.version")).isEqualTo("1");
        assertThat(JsonPath.<String>read(last.body(), "$.data.title")).isEqualTo("Harmful answer " + suffix);
        assertThat(JsonPath.<String>read(last.body(), "$.workflowKey")).isEqualTo(wf);
        // Every attempt carries the same delivery id; the signature verifies with the secret.
        assertThat(server.received().stream().map(r -> r.header("Pitwall-Delivery")).distinct()).hasSize(1);
        String signature = last.header("Pitwall-Signature");
        String timestamp = signature.replaceAll("^t=(\\d+),v1=.*$", "$1");
        assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + DeliveryWorker.sign(secret, timestamp + "." + last.body()));
        assertThat(last.header("Pitwall-Event")).isEqualTo("incident.opened");
        String delivery = send(get("/api/v1/deliveries").param("status", "DELIVERED"), null);
        assertThat(JsonPath.<List<Integer>>read(delivery, "$[?(@.subject =~ /.*Harmful answer " + suffix + "/)].attempts"))
                .containsExactly(3);
        assertThat(delivery).as("the endpoint's path is not shown").doesNotContain("/hook");
    }

    @Test
    void whomAnIncidentIsRoutedToIsAnEventOfItsOwn() throws Exception {
        send(post("/api/v1/people"), """
                {"email":"q-%s@ntf.test","name":"Q %s","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(suffix, suffix));
        String key = "ntf-routed-" + suffix;
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Routed %s","stage":"PILOT","decisionRights":{"QUALITY_MONITOR":"q-%s@ntf.test"}}"""
                .formatted(key, suffix, suffix));
        subscribe("""
                {"name":"Routing %s","channel":"WEBHOOK","url":"%s/routed","eventTypes":["incident.routed"]}""");
        send(post("/api/v1/incidents"), "{\"title\":\"Routed %s\",\"severity\":\"SEV3\",\"workflowKey\":\"%s\"}"
                .formatted(suffix, key));
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(JsonPath.<String>read(server.last().body(), "$.type")).isEqualTo("incident.routed");
        assertThat(JsonPath.<String>read(server.last().body(), "$.data.assignee")).isEqualTo("Q " + suffix);
        assertThat(JsonPath.<String>read(server.last().body(), "$.data.assigneeRight")).isEqualTo("QUALITY_MONITOR");
    }

    @Test
    void theLastFailureDeadLettersTheDeliveryWhichIsReplayed() throws Exception {
        subscribe("""
                {"name":"Slack %s","channel":"SLACK","url":"%s/slack/T000/B000/hook-key","eventTypes":["test"]}""");
        long slack = subscriptions.get(0);
        server.failNext(properties.maxAttempts());
        assertThat(JsonPath.<Integer>read(send(post("/api/v1/subscriptions/" + slack + "/test"), null), "$.queued")).isEqualTo(1);
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            assertThat(worker.deliverDue()).as("attempt " + attempt).isEqualTo(1);
            clock.advance(properties.maxBackoff());
        }
        assertThat(worker.deliverDue()).isZero();
        String dead = send(get("/api/v1/deliveries").param("status", "DEAD"), null);
        List<Number> ids = JsonPath.read(dead, "$[?(@.subscriptionId == " + slack + ")].id");
        assertThat(ids).hasSize(1);
        assertThat(JsonPath.<List<String>>read(dead, "$[?(@.subscriptionId == " + slack + ")].lastError").get(0))
                .startsWith("HTTP 500");
        assertThat(send(get("/actuator/prometheus"), null)).containsPattern("pitwall_notification_deliveries_failed(\\{[^}]*\\})? [1-9]");
        // Replayed, it is tried again at once; the server takes it now.
        assertThat(JsonPath.<String>read(send(post("/api/v1/deliveries/" + ids.get(0) + "/replay"), null), "$.status"))
                .isEqualTo("PENDING");
        assertThat(status(post("/api/v1/deliveries/" + ids.get(0) + "/replay"), null)).isEqualTo(409);
        assertThat(worker.deliverDue()).isEqualTo(1);
        WebhookReceiver.Received slackMessage = server.last();
        assertThat(JsonPath.<String>read(slackMessage.body(), "$.text")).startsWith("*Test notification from Pitwall*");
        assertThat(slackMessage.header("Pitwall-Signature")).as("Slack is not signed").isNull();

        subscribe("""
                {"name":"Teams %s","channel":"TEAMS","url":"%s/teams/webhook","eventTypes":["test"]}""");
        send(post("/api/v1/subscriptions/" + subscriptions.get(1) + "/test"), null);
        assertThat(worker.deliverDue()).isEqualTo(1);
        String teams = server.last().body();
        assertThat(JsonPath.<String>read(teams, "$.attachments[0].contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(JsonPath.<String>read(teams, "$.attachments[0].content.body[0].text")).isEqualTo("Test notification from Pitwall");
    }

    @Test
    void badSubscriptionsAnswer400NamingTheFieldAndCreateNothing() throws Exception {
        int before = JsonPath.<List<Object>>read(send(get("/api/v1/subscriptions"), null), "$").size();
        assertField("{\"name\":\"x\",\"channel\":\"WEBHOOK\",\"url\":\"ftp://example.org/x\",\"eventTypes\":[\"*\"]}", "url");
        assertField("{\"name\":\"x\",\"channel\":\"WEBHOOK\",\"url\":\"not a url\",\"eventTypes\":[\"*\"]}", "url");
        assertField("{\"name\":\"x\",\"channel\":\"WEBHOOK\",\"url\":\"https://example.org\",\"eventTypes\":[\"incident.exploded\"]}",
                "eventTypes[0]");
        assertField("{\"name\":\"x\",\"channel\":\"WEBHOOK\",\"url\":\"https://example.org\",\"secret\":\"short\",\"eventTypes\":[\"*\"]}",
                "secret");
        assertField("{\"name\":\"x\",\"channel\":\"EMAIL\",\"personEmail\":\"a@b.test\",\"eventTypes\":[\"*\"]}", "channel");
        assertField("{\"name\":\"x\",\"channel\":\"SLACK\",\"url\":\"https://example.org\",\"eventTypes\":[\"*\"],"
                + "\"workflowKey\":\"no-such-workflow\"}", "workflowKey");
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/subscriptions"), null), "$")).hasSize(before);
    }

    private void subscribe(String template) throws Exception {
        String created = send(post("/api/v1/subscriptions"), template.formatted(suffix, base));
        subscriptions.add(JsonPath.<Number>read(created, "$.subscription.id").longValue());
    }

    private void assertField(String body, String field) throws Exception {
        var response = mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(body + " → " + response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    private String workflow() throws Exception {
        String key = "ntf-" + UUID.randomUUID().toString().substring(0, 8);
        send(post("/api/v1/workflows"), "{\"key\":\"%s\",\"name\":\"Notified %s\",\"stage\":\"PILOT\"}".formatted(key, key));
        return key;
    }

    private int status(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(ADMIN)).andReturn().getResponse().getStatus();
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
