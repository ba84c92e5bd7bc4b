package dev.pitwall.review;

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
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Duration;
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
 * Human review through the API: an AI system's token (review scope) submits items idempotently;
 * they are routed to the OUTPUT_APPROVER, past rights held by nobody or by someone who left; only
 * the reviewer decides, a reversal needs the OVERRIDE_AUTHORITY; decisions become usage events that
 * make the workflow's acceptance and override rates; a missed deadline escalates.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class ReviewIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    MovableClock clock;
    @Autowired
    ReviewService reviews;
    @Autowired
    ReviewProperties properties;
    @Autowired
    RollupService rollups;
    @Autowired
    dev.pitwall.operations.internal.DeliveryWorker workers;

    private String suffix;
    private String key;
    private RequestPostProcessor agent;

    @BeforeEach
    void workflow() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "rv-" + suffix;
        for (String name : List.of("approver", "escalation", "owner", "override", "left", "other")) {
            send(post("/api/v1/people"), """
                    {"email":"%1$s-%2$s@rv.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(name, suffix), ADMIN);
            users.create(new NewUser(name + "-" + suffix, name, name + "-" + suffix + "@rv.test", Role.CONTRIBUTOR,
                    "reviewer-password-1"));
        }
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"Agent %s\",\"kind\":\"AGENT\"}".formatted(key, suffix),
                ADMIN);
        send(post("/api/v1/workflows"), """
                {"key":"%1$s","name":"Reviewed %2$s","stage":"PILOT","systems":["%1$s"],"decisionRights":{
                 "OUTPUT_APPROVER":"approver-%2$s@rv.test","ESCALATION_CONTACT":"escalation-%2$s@rv.test",
                 "ACCOUNTABLE_OWNER":"owner-%2$s@rv.test","OVERRIDE_AUTHORITY":"override-%2$s@rv.test"},
                 "intendedUsers":{"people":["approver-%2$s@rv.test"],"teams":[]}}""".formatted(key, suffix), ADMIN);
        String token = JsonPath.read(send(post("/api/v1/tokens"), "{\"name\":\"agent\",\"scopes\":[\"review\"]}", ADMIN),
                "$.secret");
        agent = request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    @Test
    void theSameReferenceReturnsTheSameItemAndBadInputIsRefusedNamingTheField() throws Exception {
        var first = mvc.perform(post("/api/v1/review-items").with(agent).contentType(MediaType.APPLICATION_JSON)
                .content(item("claim-1"))).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(201);
        var again = mvc.perform(post("/api/v1/review-items").with(agent).contentType(MediaType.APPLICATION_JSON)
                .content(item("claim-1"))).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(again.getContentAsString(), "$.id"))
                .isEqualTo(JsonPath.<Integer>read(first.getContentAsString(), "$.id"));
        DocumentContext item = JsonPath.parse(first.getContentAsString());
        assertThat(item.<String>read("$.assigneeName")).isEqualTo("approver " + suffix);
        assertThat(item.<String>read("$.assigneeRight")).isEqualTo("OUTPUT_APPROVER");
        assertThat(item.<Integer>read("$.attributes.amount")).isEqualTo(1250);

        assertFields("""
                {"workflowKey":"%s","systemKey":"%s","externalReference":"x","summary":"s","confidence":1.5}"""
                .formatted(key, key), "confidence");
        assertFields("""
                {"workflowKey":"nope","systemKey":"%s","externalReference":"x","summary":"s","callbackUrl":"ftp://x"}"""
                .formatted(key), "workflowKey", "callbackUrl");
        assertFields("""
                {"workflowKey":"%s","systemKey":"%s","externalReference":"x","summary":"s","callbackUrl":"ftp://x"}"""
                .formatted(key, key), "callbackUrl");
        assertFields("{\"workflowKey\":\"%s\",\"systemKey\":\"%s\",\"externalReference\":\"x\"}".formatted(key, key), "summary");
        // Reading with the agent's token is allowed; deciding with it is not (no review:decide in the review scope).
        long id = item.<Number>read("$.id").longValue();
        assertThat(mvc.perform(get("/api/v1/review-items/" + id).with(agent)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(status(post("/api/v1/review-items/" + id + "/decision"), "{\"outcome\":\"ACCEPTED\"}", agent))
                .isEqualTo(403);
    }

    @Test
    void rightsHeldByNobodyOrBySomeoneWhoLeftArePassedOver() throws Exception {
        send(put("/api/v1/workflows/" + key + "/decision-rights/OUTPUT_APPROVER"), "{\"holder\":null}", ADMIN);
        DocumentContext item = submit("claim-2");
        assertThat(item.<String>read("$.assigneeRight")).isEqualTo("ESCALATION_CONTACT");
        assertThat(item.<List<String>>read("$.gaps")).containsExactly("OUTPUT_APPROVER is held by nobody");
        long escalationPerson = JsonPath.<Number>read(send(get("/api/v1/people").param("q", "escalation-" + suffix + "@rv.test"),
                null, ADMIN), "$.content[0].id").longValue();
        send(put("/api/v1/people/" + escalationPerson), """
                {"email":"escalation-%1$s@rv.test","name":"escalation %1$s","level":"PRACTITIONER","tier":"CONSUMER",
                 "active":false}""".formatted(suffix), ADMIN);
        item = submit("claim-3");
        assertThat(item.<String>read("$.assigneeRight")).isEqualTo("ACCOUNTABLE_OWNER");
        assertThat(item.<List<String>>read("$.gaps")).hasSize(2).last().asString().contains("no longer active");
    }

    @Test
    void decisionsComeFromTheReviewerBecomeUsageEventsAndAReversalNeedsTheOverrideAuthority() throws Exception {
        long accepted = submit("claim-4").<Number>read("$.id").longValue();
        long overridden = submit("claim-5").<Number>read("$.id").longValue();
        assertThat(status(post("/api/v1/review-items/" + accepted + "/decision"), "{\"outcome\":\"ACCEPTED\"}", user("other")))
                .isEqualTo(403);
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/me/review-items"), null, user("approver")), "$[*].externalReference"))
                .containsExactlyInAnyOrder("claim-4", "claim-5");
        send(post("/api/v1/review-items/" + accepted + "/decision"), "{\"outcome\":\"ACCEPTED\"}", user("approver"));
        var noReason = mvc.perform(post("/api/v1/review-items/" + overridden + "/decision").with(user("approver"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"OVERRIDDEN\"}")).andReturn().getResponse();
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(noReason.getContentAsString(), "$.errors[*].field")).containsExactly("reason");
        DocumentContext decided = JsonPath.parse(send(post("/api/v1/review-items/" + overridden + "/decision"), """
                {"outcome":"OVERRIDDEN","reason":"POLICY_BREACH","reasonText":"Above the refund limit",
                 "editedOutput":"Refund 1,000 EUR"}""", user("approver")));
        assertThat(decided.<String>read("$.status")).isEqualTo("DECIDED");
        assertThat(decided.<String>read("$.decidedByName")).isEqualTo("approver " + suffix);
        // Polling with the agent's token shows the decision.
        assertThat(JsonPath.<String>read(send(get("/api/v1/review-items/" + overridden), null, agent), "$.outcome"))
                .isEqualTo("OVERRIDDEN");

        // Each decision is a usage event of the reviewer on the workflow: one accepted, one overridden.
        rollups.rollUpPending();
        String card = send(get("/api/v1/scorecards/workflows/" + key), null, ADMIN);
        assertThat(JsonPath.<List<Double>>read(card, "$.figures[?(@.id == 'acceptanceRate')].value")).containsExactly(0.5);
        assertThat(JsonPath.<List<Double>>read(card, "$.figures[?(@.id == 'overrideRate')].value")).containsExactly(0.5);

        // The approver cannot reverse a decision; the override authority can.
        assertThat(status(post("/api/v1/review-items/" + accepted + "/decision"),
                "{\"outcome\":\"REJECTED\",\"reason\":\"FACTUALLY_WRONG\"}", user("approver"))).isEqualTo(403);
        DocumentContext reversed = JsonPath.parse(send(post("/api/v1/review-items/" + accepted + "/decision"),
                "{\"outcome\":\"REJECTED\",\"reason\":\"FACTUALLY_WRONG\"}", user("override")));
        assertThat(reversed.<String>read("$.outcome")).isEqualTo("REJECTED");
        assertThat(reversed.<Integer>read("$.decisions")).isEqualTo(2);

        // The review records are evidence of human oversight while decisions keep being taken.
        assertThat(oversight()).singleElement().asString()
                .startsWith("Human review, last 30 days: 2 of 2 items decided by a person (100 %)")
                .endsWith("2 not accepted as proposed");
        clock.advance(Duration.ofDays(31));
        assertThat(oversight()).as("lapsed a month after the last decision").isEmpty();
    }

    private List<String> oversight() throws Exception {
        return JsonPath.read(send(get("/api/v1/workflows/" + key + "/controls"), null, ADMIN),
                "$[?(@.controlKey == 'human-oversight')].evidence[?(@.kind == 'GENERATED')].title");
    }

    @Test
    void theDecisionIsPostedToTheCallbackSignedWithTheSystemsKey() throws Exception {
        try (dev.pitwall.testing.WebhookReceiver system = new dev.pitwall.testing.WebhookReceiver()) {
            String body = item("claim-7").replace("\"confidence\"", "\"callbackUrl\":\"" + system.url("/decided")
                    + "\",\"confidence\"");
            var refused = mvc.perform(post("/api/v1/review-items").with(agent).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andReturn().getResponse();
            assertThat(refused.getStatus()).as("no key to sign with yet").isEqualTo(400);
            assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field")).containsExactly("callbackUrl");
            String secret = JsonPath.read(send(post("/api/v1/ai-systems/" + key + "/review-callback-key"), null, ADMIN),
                    "$.secret");
            long id = JsonPath.<Number>read(send(post("/api/v1/review-items"), body, agent), "$.id").longValue();
            long subscription = JsonPath.<Number>read(send(post("/api/v1/subscriptions"), """
                    {"name":"Decisions %s","channel":"WEBHOOK","url":"%s","eventTypes":["review.decided"],"workflowKey":"%s"}"""
                    .formatted(suffix, system.url("/subscribed"), key), ADMIN), "$.subscription.id").longValue();
            system.failNext(1);
            send(post("/api/v1/review-items/" + id + "/decision"), "{\"outcome\":\"EDITED\",\"reason\":\"WRONG_TONE\","
                    + "\"editedOutput\":\"Refund 1,250 EUR, with our apologies\"}", user("approver"));
            workers.deliverDue();
            clock.advance(Duration.ofMinutes(5));
            workers.deliverDue();
            assertThat(system.received().stream().map(r -> r.path()).toList()).as("the callback retried after its first failure")
                    .containsExactlyInAnyOrder("/decided", "/decided", "/subscribed");
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/subscriptions/" + subscription).with(ADMIN));
            var delivered = system.received().stream().filter(r -> r.path().equals("/decided")).reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(JsonPath.<String>read(delivered.body(), "$.type")).isEqualTo("review.decided");
            assertThat(JsonPath.<String>read(delivered.body(), "$.data.outcome")).isEqualTo("EDITED");
            assertThat(JsonPath.<String>read(delivered.body(), "$.data.externalReference")).isEqualTo("claim-7");
            assertThat(JsonPath.<String>read(delivered.body(), "$.data.editedOutput"))
                    .isEqualTo("Refund 1,250 EUR, with our apologies");
            String t = delivered.header("Pitwall-Signature").replaceAll("^t=(\\d+),.*$", "$1");
            assertThat(delivered.header("Pitwall-Signature")).isEqualTo("t=" + t + ",v1="
                    + dev.pitwall.operations.internal.DeliveryWorker.sign(secret, t + "." + delivered.body()));
        }
    }

    @Test
    void lowRiskItemsAreAcceptedInBulkByTheirReviewer() throws Exception {
        long risky = submit("claim-8").<Number>read("$.id").longValue();
        long safe = JsonPath.<Number>read(send(post("/api/v1/review-items"), """
                {"workflowKey":"%s","systemKey":"%s","externalReference":"claim-9","summary":"Refund 40 EUR",
                 "confidence":0.97}""".formatted(key, key), agent), "$.id").longValue();
        assertThat(status(post("/api/v1/me/review-items/accept-low-risk").param("minConfidence", "0.2"), null,
                user("approver"))).isEqualTo(400);
        assertThat(JsonPath.<List<Integer>>read(send(post("/api/v1/me/review-items/accept-low-risk"), null,
                user("approver")), "$[*].id")).containsExactly((int) safe);
        assertThat(JsonPath.<String>read(send(get("/api/v1/review-items/" + safe), null, ADMIN), "$.outcome"))
                .isEqualTo("ACCEPTED");
        assertThat(JsonPath.<String>read(send(get("/api/v1/review-items/" + risky), null, ADMIN), "$.status"))
                .as("flagged: left for a person").isEqualTo("PENDING");

        // The page filters by workflow and by overdue items.
        String page = mvc.perform(get("/review/inbox").param("workflow", key).with(user("approver")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"item-" + risky + "\"").contains("1 of 1 items shown.");
        String overdue = mvc.perform(get("/review/inbox").param("overdue", "true").with(user("approver")))
                .andReturn().getResponse().getContentAsString();
        assertThat(overdue).contains("No item matches the filter.").doesNotContain("id=\"item-" + risky + "\"");
    }

    @Test
    void aMissedDeadlineEscalatesAlongTheRightsAndIsCounted() throws Exception {
        // Other tests' items share the database and the clock: this one is judged by its own item.
        long id = submit("claim-6").<Number>read("$.id").longValue();
        clock.advance(properties.deadline().minusMinutes(1));
        dev.pitwall.platform.security.SystemActor.runAs("test", reviews::escalateOverdue);
        DocumentContext item = JsonPath.parse(send(get("/api/v1/review-items/" + id), null, ADMIN));
        assertThat(item.<String>read("$.assigneeRight")).as("not yet due").isEqualTo("OUTPUT_APPROVER");
        assertThat(item.<Integer>read("$.breaches")).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dev.pitwall.platform.security.SystemActor.runAs("test", reviews::escalateOverdue)).isPositive();
        item = JsonPath.parse(send(get("/api/v1/review-items/" + id), null, ADMIN));
        assertThat(item.<String>read("$.assigneeRight")).isEqualTo("ESCALATION_CONTACT");
        assertThat(item.<Integer>read("$.breaches")).isEqualTo(1);
        // The escalation contact now decides it; the approver still may, as holder of OUTPUT_APPROVER.
        send(post("/api/v1/review-items/" + id + "/decision"), "{\"outcome\":\"ACCEPTED\"}", user("escalation"));
        clock.advance(properties.deadline().multipliedBy(2));
        dev.pitwall.platform.security.SystemActor.runAs("test", reviews::escalateOverdue);
        assertThat(JsonPath.<Integer>read(send(get("/api/v1/review-items/" + id), null, ADMIN), "$.breaches"))
                .as("a decided item has no deadline").isEqualTo(1);
    }

    private RequestPostProcessor user(String name) {
        return httpBasic(name + "-" + suffix, "reviewer-password-1");
    }

    private String item(String reference) {
        return """
                {"workflowKey":"%s","systemKey":"%s","externalReference":"%s","summary":"Refund 1,250 EUR for a damaged parcel",
                 "confidence":0.82,"riskFlags":["high-amount"],"attributes":{"amount":1250,"currency":"EUR"}}"""
                .formatted(key, key, reference);
    }

    private DocumentContext submit(String reference) throws Exception {
        return JsonPath.parse(send(post("/api/v1/review-items"), item(reference), agent));
    }

    private void assertFields(String body, String... fields) throws Exception {
        var response = mvc.perform(post("/api/v1/review-items").with(agent).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(fields);
    }

    private int status(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(as)).andReturn().getResponse().getStatus();
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
