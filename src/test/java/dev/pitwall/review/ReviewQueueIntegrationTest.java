package dev.pitwall.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Duration;
import java.time.Instant;
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
 * Decision rights held by a workflow role: its members share one review queue, each item assigned
 * to the least-loaded active member and decidable by any of them; a role without an active member
 * is a gap passed over. Each workflow's own review deadline, and content kept only when the
 * workflow allows it, for its retention period.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class ReviewQueueIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    MovableClock clock;
    @Autowired
    ReviewService reviews;

    private String suffix;
    private String key;
    private RequestPostProcessor agent;

    @BeforeEach
    void workflowWithARoleQueue() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "rq-" + suffix;
        for (String name : List.of("handler-a", "handler-b", "escalation", "owner", "outsider")) {
            send(post("/api/v1/people"), """
                    {"email":"%1$s-%2$s@rq.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(name, suffix), ADMIN);
            users.create(new NewUser(name + "-" + suffix, name, name + "-" + suffix + "@rq.test", Role.CONTRIBUTOR,
                    "reviewer-password-1"));
        }
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"Agent %s\",\"kind\":\"AGENT\"}".formatted(key, suffix),
                ADMIN);
        send(post("/api/v1/workflows"), """
                {"key":"%1$s","name":"Queued %2$s","stage":"PILOT","systems":["%1$s"],
                 "roles":[{"name":"Claims handler","members":["handler-a-%2$s@rq.test","handler-b-%2$s@rq.test"]}],
                 "decisionRights":{"OUTPUT_APPROVER":"role:claims HANDLER","ESCALATION_CONTACT":"escalation-%2$s@rq.test",
                 "ACCOUNTABLE_OWNER":"owner-%2$s@rq.test"}}""".formatted(key, suffix), ADMIN);
        String token = JsonPath.read(send(post("/api/v1/tokens"), "{\"name\":\"agent\",\"scopes\":[\"review\"]}", ADMIN),
                "$.secret");
        agent = request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    @Test
    void aRightHeldByARoleIsHeldWhileItHasAnActiveMemberAndIsExportedAsTheRole() throws Exception {
        DocumentContext report = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/decision-rights"), null, ADMIN));
        assertThat(report.<List<String>>read("$.rights[?(@.right == 'OUTPUT_APPROVER')].status")).containsExactly("HELD");
        assertThat(report.<List<String>>read("$.rights[?(@.right == 'OUTPUT_APPROVER')].holderName"))
                .containsExactly("role Claims handler");
        assertThat(report.<List<String>>read("$.gaps[*].right")).doesNotContain("OUTPUT_APPROVER");
        String yaml = mvc.perform(get("/api/v1/operating-model").param("workflow", key).with(ADMIN)).andReturn()
                .getResponse().getContentAsString();
        assertThat(yaml).containsPattern("OUTPUT_APPROVER: \"?role:Claims handler\"?");

        // The accountable owner is one person; an unknown role is named as such.
        assertRefused(put("/api/v1/workflows/" + key + "/decision-rights/ACCOUNTABLE_OWNER"),
                "{\"role\":\"Claims handler\"}", "holder");
        assertRefused(put("/api/v1/workflows/" + key + "/decision-rights/QUALITY_MONITOR"), "{\"role\":\"Adjuster\"}",
                "holder");
        assertRefused(put("/api/v1/workflows/" + key + "/decision-rights/QUALITY_MONITOR"),
                "{\"holder\":\"owner-" + suffix + "@rq.test\",\"role\":\"Claims handler\"}", "role");
        DocumentContext assigned = JsonPath.parse(send(put("/api/v1/workflows/" + key + "/decision-rights/QUALITY_MONITOR"),
                "{\"role\":\"Claims handler\"}", ADMIN));
        assertThat(assigned.<String>read("$.role.name")).isEqualTo("Claims handler");
        assertThat(assigned.<String>read("$.status")).isEqualTo("HELD");

        // Without an active member the role holds nothing: a gap the gate names.
        deactivate("handler-a");
        deactivate("handler-b");
        report = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/decision-rights"), null, ADMIN));
        assertThat(report.<List<String>>read("$.rights[?(@.right == 'OUTPUT_APPROVER')].status"))
                .containsExactly("HOLDER_INACTIVE");
        String gate = send(get("/api/v1/workflows/" + key + "/gate"), null, ADMIN);
        assertThat(gate).contains("OUTPUT_APPROVER is held by the role Claims handler, which has no active member.");
        DocumentContext item = submit("claim-gap", null);
        assertThat(item.<String>read("$.assigneeRight")).isEqualTo("ESCALATION_CONTACT");
        assertThat(item.<List<String>>read("$.gaps"))
                .containsExactly("OUTPUT_APPROVER is held by the role Claims handler, which has no active member");
    }

    @Test
    void theRolesMembersShareOneQueueAssignedByLeastLoad() throws Exception {
        List<String> assignees = new java.util.ArrayList<>();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            DocumentContext item = submit("claim-" + i, null);
            assertThat(item.<String>read("$.assigneeRole")).isEqualTo("Claims handler");
            assignees.add(item.read("$.assigneeName"));
            ids.add(item.<Number>read("$.id").longValue());
        }
        // Ties go by name; each next item to whoever has fewer pending.
        assertThat(assignees).containsExactly("handler-a " + suffix, "handler-b " + suffix, "handler-a " + suffix,
                "handler-b " + suffix);
        for (String member : List.of("handler-a", "handler-b")) {
            assertThat(JsonPath.<List<String>>read(send(get("/api/v1/me/review-items"), null, user(member)),
                    "$[*].externalReference")).as(member + " sees the whole queue")
                    .containsExactlyInAnyOrder("claim-1", "claim-2", "claim-3", "claim-4");
        }
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/me/review-items"), null, user("outsider")), "$")).isEmpty();

        // Any member decides an item of the queue, whoever it was assigned to; someone outside it may not.
        assertThat(status(post("/api/v1/review-items/" + ids.get(0) + "/decision"), "{\"outcome\":\"ACCEPTED\"}",
                user("outsider"))).isEqualTo(403);
        DocumentContext decided = JsonPath.parse(send(post("/api/v1/review-items/" + ids.get(0) + "/decision"),
                "{\"outcome\":\"ACCEPTED\"}", user("handler-b")));
        assertThat(decided.<String>read("$.decidedByName")).isEqualTo("handler-b " + suffix);

        // handler-a now has one pending item, handler-b two: the next goes to handler-a.
        assertThat(submit("claim-5", null).<String>read("$.assigneeName")).isEqualTo("handler-a " + suffix);
        // A member who left no longer gets items.
        deactivate("handler-a");
        assertThat(submit("claim-6", null).<String>read("$.assigneeName")).isEqualTo("handler-b " + suffix);
    }

    @Test
    void eachWorkflowHasItsOwnDeadlineAndContentIsKeptOnlyWhenAllowedForItsRetention() throws Exception {
        assertRefused(post("/api/v1/review-items"), item("claim-c1", "The full letter to the customer"), "content", agent);
        assertRefused(put("/api/v1/workflows/" + key + "/review-policy"), "{\"rules\":[],\"contentRetentionDays\":5}",
                "contentRetentionDays");
        assertRefused(put("/api/v1/workflows/" + key + "/review-policy"), "{\"rules\":[],\"deadlineHours\":0}",
                "deadlineHours");
        send(put("/api/v1/workflows/" + key + "/review-policy"),
                "{\"rules\":[],\"deadlineHours\":1,\"keepContent\":true,\"contentRetentionDays\":2}", ADMIN);
        String yaml = mvc.perform(get("/api/v1/operating-model").param("workflow", key).with(ADMIN)).andReturn()
                .getResponse().getContentAsString();
        assertThat(yaml).contains("deadlineHours: 1").contains("keepContent: true").contains("contentRetentionDays: 2");

        DocumentContext item = submit("claim-c2", "The full letter to the customer");
        long id = item.<Number>read("$.id").longValue();
        assertThat(item.<String>read("$.content")).isEqualTo("The full letter to the customer");
        Instant submitted = Instant.parse(item.read("$.submittedAt"));
        assertThat(Instant.parse(item.read("$.dueAt"))).isEqualTo(submitted.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(item.read("$.contentExpiresAt"))).isEqualTo(submitted.plus(Duration.ofDays(2)));

        clock.advance(Duration.ofMinutes(61));
        SystemActor.runAs("test", reviews::escalateOverdue);
        item = JsonPath.parse(send(get("/api/v1/review-items/" + id), null, ADMIN));
        assertThat(item.<String>read("$.assigneeRight")).as("a one-hour deadline").isEqualTo("ESCALATION_CONTACT");
        assertThat(item.<Integer>read("$.breaches")).isEqualTo(1);
        send(post("/api/v1/review-items/" + id + "/decision"), "{\"outcome\":\"EDITED\",\"reason\":\"WRONG_TONE\","
                + "\"editedOutput\":\"A kinder letter\"}", user("escalation"));

        clock.advance(Duration.ofDays(2));
        SystemActor.runAs("test", reviews::removeExpiredContent);
        item = JsonPath.parse(send(get("/api/v1/review-items/" + id), null, ADMIN));
        assertThat(item.<String>read("$.content")).as("removed when its retention ended").isNull();
        assertThat(item.<String>read("$.editedOutput")).isNull();
        assertThat(item.<String>read("$.contentRemovedAt")).isNotNull();
        assertThat(item.<String>read("$.summary")).isEqualTo("Refund 1,250 EUR for a damaged parcel");
        assertThat(item.<String>read("$.outcome")).isEqualTo("EDITED");
    }

    @Test
    void theWorkflowScorecardShowsReviewVolumeTimeBreachesAndReasons() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(submit("claim-s" + i, null).<Number>read("$.id").longValue());
        }
        String before = send(get("/api/v1/scorecards/workflows/" + key), null, ADMIN);
        assertThat(JsonPath.<List<Double>>read(before, "$.parts[?(@.id == 'review')].figures[?(@.id == 'reviewItemsPending')].value"))
                .containsExactly(3.0);
        assertThat(JsonPath.<List<String>>read(before, "$.parts[?(@.id == 'review')].figures[?(@.id == 'reviewTimeMedian')].reason"))
                .containsExactly("no item was decided in the window");

        clock.advance(Duration.ofHours(2));
        send(post("/api/v1/review-items/" + ids.get(0) + "/decision"), "{\"outcome\":\"ACCEPTED\"}", user("handler-a"));
        send(post("/api/v1/review-items/" + ids.get(1) + "/decision"), "{\"outcome\":\"OVERRIDDEN\",\"reason\":\"POLICY_BREACH\"}",
                user("handler-b"));
        clock.advance(Duration.ofHours(3));
        SystemActor.runAs("test", reviews::escalateOverdue);
        send(post("/api/v1/review-items/" + ids.get(2) + "/decision"), "{\"outcome\":\"REJECTED\",\"reason\":\"FACTUALLY_WRONG\"}",
                user("escalation"));

        DocumentContext part = JsonPath.parse(JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key), null, ADMIN))
                .read("$.parts[?(@.id == 'review')]", List.class).get(0));
        java.util.function.Function<String, Double> figure = id -> part.<List<Double>>read(
                "$.figures[?(@.id == '" + id + "')].value").get(0);
        assertThat(figure.apply("reviewItemsSubmitted")).isEqualTo(3.0);
        assertThat(figure.apply("reviewItemsDecided")).isEqualTo(3.0);
        assertThat(figure.apply("reviewItemsPending")).isZero();
        // Decided after 2, 2 and 5 hours: median 2; the 95th percentile (Commons Math's default estimate) is 5.
        assertThat(figure.apply("reviewTimeMedian")).isEqualTo(2.0);
        assertThat(figure.apply("reviewTimeP95")).isEqualTo(5.0);
        assertThat(figure.apply("reviewAcceptedShare")).isEqualTo(1.0 / 3);
        assertThat(figure.apply("reviewDeadlineBreaches")).isEqualTo(1.0);
        assertThat(part.<List<String>>read("$.breakdown[*].label")).containsExactlyInAnyOrder("Policy breach", "Factually wrong");

        String page = mvc.perform(get("/scorecards/workflows/" + key).with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"part-review\"").contains("Median time to decision").contains("2.0 h")
                .contains("Policy breach");
        String csv = mvc.perform(get("/scorecards/workflows/" + key + "/figures.csv").with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv).contains("reviewDeadlineBreaches");
    }

    private void deactivate(String name) throws Exception {
        long id = JsonPath.<Number>read(send(get("/api/v1/people").param("q", name + "-" + suffix + "@rq.test"), null,
                ADMIN), "$.content[0].id").longValue();
        send(put("/api/v1/people/" + id), """
                {"email":"%1$s-%2$s@rq.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER",
                 "active":false}""".formatted(name, suffix), ADMIN);
    }

    private RequestPostProcessor user(String name) {
        return httpBasic(name + "-" + suffix, "reviewer-password-1");
    }

    private String item(String reference, String content) {
        return """
                {"workflowKey":"%s","systemKey":"%s","externalReference":"%s","summary":"Refund 1,250 EUR for a damaged parcel",
                 "confidence":0.82%s}""".formatted(key, key, reference,
                content == null ? "" : ",\"content\":\"" + content + "\"");
    }

    private DocumentContext submit(String reference, String content) throws Exception {
        return JsonPath.parse(send(post("/api/v1/review-items"), item(reference, content), agent));
    }

    private void assertRefused(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
        assertRefused(request, body, field, ADMIN);
    }

    private void assertRefused(MockHttpServletRequestBuilder request, String body, String field, RequestPostProcessor as)
            throws Exception {
        var response = mvc.perform(request.with(as).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    private int status(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
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
