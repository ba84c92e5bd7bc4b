package dev.pitwall.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Operating reviews with an injected clock: the cadence from the day a workflow became live, the
 * gate check failing only past the grace period (and not on earlier days), a recorded review with
 * its agenda moving the next due day, a workflow's own cadence, actions tracked to done, and bad
 * input refused whole.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class OperatingReviewIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    UserService users;
    @Autowired
    OperationsProperties properties;

    private String suffix;
    private String key;

    @BeforeEach
    void pilot() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "rev-" + suffix;
        for (String name : List.of("owner", "q", "u")) {
            send(post("/api/v1/people"), """
                    {"email":"%1$s-%2$s@rev.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(name, suffix), ADMIN);
        }
        StringBuilder rights = new StringBuilder();
        for (DecisionRight right : DecisionRight.values()) {
            String holder = right == DecisionRight.QUALITY_MONITOR ? "q" : "owner";
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"").append(holder).append('-')
                    .append(suffix).append("@rev.test\"");
        }
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Reviewed %s","stage":"PILOT","decisionRights":{%s},
                 "intendedUsers":{"people":["u-%s@rev.test"],"teams":[]}}""".formatted(key, suffix, rights, suffix), ADMIN);
    }

    @Test
    void theFirstReviewFallsOneCadenceAfterGoingLiveAndFailsTheGateOnlyPastTheGracePeriod() throws Exception {
        LocalDate live = today();
        LocalDate due = live.plusMonths(properties.reviewMonthsMedium());
        var schedule = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/operating-reviews/schedule"), null, ADMIN));
        assertThat(schedule.<String>read("$.dueOn")).isEqualTo(due.toString());
        assertThat(schedule.<Integer>read("$.everyMonths")).as("not classified: like MEDIUM").isEqualTo(3);
        assertThat(check()).containsEntry("passed", true);
        assertThat((String) check().get("summary")).startsWith("No operating review yet; the next is due on " + due);

        // On the last day of grace the check still passes, saying so; the next day it fails.
        moveTo(due.plusDays(properties.reviewGraceDays()));
        assertThat(check()).containsEntry("passed", true);
        assertThat((String) check().get("summary")).contains(properties.reviewGraceDays() + " days overdue within the grace period");
        moveTo(due.plusDays(properties.reviewGraceDays() + 1));
        assertThat(check()).containsEntry("passed", false);
        assertThat(JsonPath.<List<String>>read(gate(), "$.checks[?(@.id == 'operating-review')].reasons[0]"))
                .containsExactly("the operating review was due on " + due + " and is 15 days overdue (every 3 months, "
                        + "14 days' grace): hold and record it");
        var promotion = mvc.perform(post("/api/v1/workflows/" + key + "/stage").contentType(MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"PRODUCTION\",\"reason\":\"go\"}").with(ADMIN)).andReturn().getResponse();
        assertThat(promotion.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<List<String>>read(promotion.getContentAsString(), "$.errors[*].field")).contains("operating-review");
        // As of an earlier day the same workflow was not overdue.
        assertThat(JsonPath.<Integer>read(send(get("/api/v1/workflows/" + key + "/operating-reviews/schedule")
                .param("day", due.minusDays(1).toString()), null, ADMIN), "$.daysOverdue")).isZero();
        assertThat(JsonPath.<List<Boolean>>read(send(get("/api/v1/operating-reviews/schedule"), null, ADMIN),
                "$[?(@.workflowKey == '" + key + "')].failsGate")).containsExactly(true);

        // An incident opened by hand is on the agenda; recording the review moves the next due day.
        long incident = JsonPath.<Number>read(send(post("/api/v1/incidents"), """
                {"title":"Harmful answer %s","severity":"SEV3","workflowKey":"%s","category":"QUALITY"}"""
                .formatted(suffix, key), ADMIN), "$.id").longValue();
        var agenda = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/operating-reviews/agenda"), null, ADMIN));
        assertThat(agenda.<List<String>>read("$.incidents[*].title")).containsExactly("Harmful answer " + suffix);
        assertThat(agenda.<Boolean>read("$.gatePassed")).isFalse();
        assertThat(agenda.<String>read("$.since")).isNull();
        String recorded = send(post("/api/v1/workflows/" + key + "/operating-reviews"), """
                {"heldOn":"%s","attendeeEmails":["owner-%s@rev.test","Q-%s@rev.test"],"decisions":["Keep the pilot running."],
                 "actions":[{"title":"Re-run the evaluation set","ownerEmail":"q-%s@rev.test","dueOn":"%s"}],
                 "notes":"Short meeting."}""".formatted(today(), suffix, suffix, suffix, today().plusDays(7)), ADMIN);
        var review = JsonPath.parse(recorded);
        assertThat(review.<List<String>>read("$.attendees[*].name")).containsExactly("owner " + suffix, "q " + suffix);
        assertThat(review.<List<String>>read("$.agenda.incidents[*].title")).containsExactly("Harmful answer " + suffix);
        assertThat(review.<List<String>>read("$.actions[*].ownerName")).containsExactly("q " + suffix);
        assertThat(check()).containsEntry("passed", true);
        schedule = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/operating-reviews/schedule"), null, ADMIN));
        assertThat(schedule.<String>read("$.lastHeldOn")).isEqualTo(today().toString());
        assertThat(schedule.<String>read("$.dueOn")).isEqualTo(today().plusMonths(3).toString());
        long id = review.<Number>read("$.id").longValue();
        assertThat(JsonPath.<String>read(send(get("/api/v1/operating-reviews/" + id), null, ADMIN), "$.decisions[0]"))
                .isEqualTo("Keep the pilot running.");
        // Resolved, so that no later test's round escalates it (the clock and the database are shared).
        send(post("/api/v1/incidents/" + incident + "/resolve"), null, ADMIN);

        // Its own cadence: monthly; a cadence of 0 months is refused.
        send(put("/api/v1/workflows/" + key + "/review-cadence"), "{\"everyMonths\":1}", ADMIN);
        schedule = JsonPath.parse(send(get("/api/v1/workflows/" + key + "/operating-reviews/schedule"), null, ADMIN));
        assertThat(schedule.<String>read("$.dueOn")).isEqualTo(today().plusMonths(1).toString());
        assertThat(schedule.<Boolean>read("$.ownCadence")).isTrue();
        var zero = mvc.perform(put("/api/v1/workflows/" + key + "/review-cadence").contentType(MediaType.APPLICATION_JSON)
                .content("{\"everyMonths\":0}").with(ADMIN)).andReturn().getResponse();
        assertThat(zero.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(zero.getContentAsString(), "$.errors[*].field")).containsExactly("everyMonths");
    }

    @Test
    void actionsAreTrackedToDoneByTheirOwner() throws Exception {
        String recorded = send(post("/api/v1/workflows/" + key + "/operating-reviews"), """
                {"heldOn":"%s","attendeeEmails":["owner-%s@rev.test"],
                 "actions":[{"title":"Label the backlog","ownerEmail":"q-%s@rev.test","dueOn":"%s"}]}"""
                .formatted(today(), suffix, suffix, today().plusDays(3)), ADMIN);
        long action = JsonPath.<Number>read(recorded, "$.actions[0].id").longValue();
        users.create(new NewUser("q-" + suffix, "Q", "q-" + suffix + "@rev.test", Role.CONTRIBUTOR, "contributor-password-1"));
        users.create(new NewUser("v-" + suffix, "V", null, Role.VIEWER, "viewer-password-123"));
        RequestPostProcessor q = httpBasic("q-" + suffix, "contributor-password-1");
        RequestPostProcessor viewer = httpBasic("v-" + suffix, "viewer-password-123");
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/me/work"), null, q), "$.actions[*].title"))
                .containsExactly("Label the backlog");
        // A contributor works actions but does not record reviews; a viewer does neither.
        assertThat(status(post("/api/v1/workflows/" + key + "/operating-reviews"), "{}", q)).isEqualTo(403);
        assertThat(status(post("/api/v1/review-actions/" + action + "/done"), null, viewer)).isEqualTo(403);
        assertThat(JsonPath.<String>read(send(post("/api/v1/review-actions/" + action + "/done"), null, q), "$.doneBy"))
                .isEqualTo("q-" + suffix);
        assertThat(status(post("/api/v1/review-actions/" + action + "/done"), null, q)).isEqualTo(409);
        assertThat(JsonPath.<List<String>>read(send(get("/api/v1/me/work"), null, q), "$.actions[*].title")).isEmpty();
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/review-actions"), null, ADMIN),
                "$[?(@.id == " + action + ")]")).isEmpty();
    }

    @Test
    void badReviewsAreRefusedWholeNamingEachField() throws Exception {
        var response = mvc.perform(post("/api/v1/workflows/" + key + "/operating-reviews")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"heldOn":"%s","attendeeEmails":["nobody-%s@rev.test"],"decisions":["ok"],
                         "actions":[{"title":"t","ownerEmail":"ghost@rev.test","dueOn":"%s"}]}"""
                        .formatted(today().plusDays(1), suffix, today().minusDays(5))).with(ADMIN))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).containsExactlyInAnyOrder(
                "heldOn", "attendeeEmails[0]", "actions[0].ownerEmail", "actions[0].dueOn");
        var bidi = mvc.perform(post("/api/v1/workflows/" + key + "/operating-reviews").contentType(MediaType.APPLICATION_JSON)
                .content("{\"heldOn\":\"%s\",\"attendeeEmails\":[\"owner-%s@rev.test\"],\"decisions\":[\"ok\",\"bad \u202e text\"]}"
                        .formatted(today(), suffix)).with(ADMIN)).andReturn().getResponse();
        assertThat(bidi.getStatus()).isEqualTo(400);
        assertThat(bidi.getContentAsString()).contains("decisions[1]");
        assertThat(status(post("/api/v1/workflows/" + key + "/operating-reviews"), "{\"heldOn\":\"" + today() + "\"}", ADMIN))
                .isEqualTo(400);
        assertThat(JsonPath.<List<Object>>read(send(get("/api/v1/workflows/" + key + "/operating-reviews"), null, ADMIN), "$"))
                .isEmpty();
        // A workflow that is only an idea has no review to hold.
        send(post("/api/v1/workflows"), "{\"key\":\"idea-%s\",\"name\":\"Idea %s\",\"stage\":\"IDEA\"}".formatted(suffix, suffix),
                ADMIN);
        var idea = mvc.perform(post("/api/v1/workflows/idea-" + suffix + "/operating-reviews").contentType(MediaType.APPLICATION_JSON)
                .content("{\"heldOn\":\"%s\",\"attendeeEmails\":[\"owner-%s@rev.test\"]}".formatted(today(), suffix))
                .with(ADMIN)).andReturn().getResponse();
        assertThat(idea.getStatus()).isEqualTo(409);
        assertThat(idea.getContentAsString()).contains("WORKFLOW_NOT_LIVE");
    }

    @Test
    void theReviewPageShowsTheAgendaAndKeepsWhatWasTypedWhenRefused() throws Exception {
        String page = mvc.perform(get("/operations/workflows/" + key + "/reviews/new").with(ADMIN))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"agenda\"").contains("owner-" + suffix + "@rev.test");
        var refused = mvc.perform(post("/operations/workflows/" + key + "/reviews").with(ADMIN).with(csrf())
                .param("heldOn", today().toString()).param("attendee", "owner-" + suffix + "@rev.test", "", "")
                .param("decisions", "Widen the pilot")
                .param("actionTitle", "Train the second site", "").param("actionOwner", "ghost@rev.test", "")
                .param("actionDue", today().plusDays(9).toString(), "")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("data-field=\"actions[0].ownerEmail\"")
                .contains("value=\"Train the second site\"").contains("Widen the pilot").contains("value=\"ghost@rev.test\"");
        var saved = mvc.perform(post("/operations/workflows/" + key + "/reviews").with(ADMIN).with(csrf())
                .param("heldOn", today().toString()).param("attendee", "owner-" + suffix + "@rev.test")
                .param("decisions", "Widen the pilot\nTrain first").param("actionTitle", "Train the second site")
                .param("actionOwner", "q-" + suffix + "@rev.test").param("actionDue", today().plusDays(9).toString()))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        String review = mvc.perform(get(saved.getRedirectedUrl()).with(ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Widen the pilot").contains("Train first").contains("Train the second site");
    }

    private java.util.Map<String, Object> check() throws Exception {
        return JsonPath.<List<java.util.Map<String, Object>>>read(gate(), "$.checks[?(@.id == 'operating-review')]").get(0);
    }

    private String gate() throws Exception {
        return send(get("/api/v1/workflows/" + key + "/gate"), null, ADMIN);
    }

    /** Moves the clock forward to {@code day} (never back: other tests' rounds are claimed by time). */
    private void moveTo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(today(), day);
        assertThat(days).isNotNegative();
        clock.advance(Duration.ofDays(days));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
