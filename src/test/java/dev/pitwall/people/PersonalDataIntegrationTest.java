package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Erasure and the access request, end to end on an organization built through the API: a person
 * with usage events (one carrying their email in its attributes), a skill assessment, a learning
 * record, an xAPI statement naming them and a Pitwall user. After the erasure every figure of the
 * organization's, the workflow's and the team's scorecards is what it was, and their name and
 * email are in no text column of any table, the audit log included, which still verifies.
 */
@PitwallIntegrationTest
class PersonalDataIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    /** Yesterday: events at 09:00 today would lie in the future before 08:00 UTC. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RollupService rollups;
    @Autowired
    AuditLog auditLog;
    @Autowired
    UserService users;

    @Test
    void erasureLeavesEveryFigureAsItWasAndTheNameAndEmailNowhere() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zelda Quintessa " + s;
        String email = "zelda.quintessa-" + s + "@erasure.test";
        Fixture fx = organization(s, name, email);
        users.create(new NewUser("zq-" + s, name, email.toUpperCase(Locale.ROOT), Role.VIEWER, TestUsers.PASSWORD));

        Map<String, Object> before = scorecards(fx);
        String access = send(get("/api/v1/people/" + fx.zelda + "/personal-data"), null, 200);
        assertThat(JsonPath.<String>read(access, "$.person.email")).isEqualTo(email);
        assertThat(JsonPath.<List<Object>>read(access, "$.tables.telemetry_usage_event")).hasSize(6);
        assertThat(JsonPath.<List<Object>>read(access, "$.tables.people_skill_assessment")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(access, "$.tables.telemetry_xapi_statement")).hasSize(1);
        assertThat(JsonPath.<List<Object>>read(access, "$.auditEntries")).isNotEmpty();
        assertThat(holding(name, email)).isNotEmpty();

        String wrong = send(post("/api/v1/people/" + fx.zelda + "/erasure"), "{\"confirm\":\"someone@else.test\"}", 400);
        assertThat(JsonPath.<List<String>>read(wrong, "$.errors[*].field")).containsExactly("confirm");
        String erased = send(post("/api/v1/people/" + fx.zelda + "/erasure"), "{\"confirm\":\"" + email + "\"}", 200);
        String pseudonym = JsonPath.read(erased, "$.pseudonym");

        assertThat(pseudonym).matches("P-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(holding(name, email)).as("text columns holding the name or email").isEmpty();
        assertThat(scorecards(fx)).isEqualTo(before);
        assertThat(auditLog.verify().valid()).isTrue();
        assertThat(JsonPath.<String>read(send(get("/api/v1/people/" + fx.zelda), null, 200), "$.name"))
                .isEqualTo(pseudonym);
        send(post("/api/v1/people/" + fx.zelda + "/erasure"), "{\"confirm\":\"x\"}", 409);

        // A redacted entry altered afterwards is caught.
        long redacted = jdbc.sql("""
                SELECT MIN(r.sequence) FROM platform_audit_redaction r JOIN platform_audit_entry e ON e.sequence = r.sequence
                WHERE e.after_state LIKE ?""").param("%" + pseudonym + "%").query(Long.class).single();
        jdbc.sql("UPDATE platform_audit_entry SET after_state = REPLACE(after_state, ?, 'Someone Else') WHERE sequence = ?")
                .params(pseudonym, redacted).update();
        assertThat(auditLog.verify().valid()).isFalse();
        jdbc.sql("UPDATE platform_audit_entry SET after_state = REPLACE(after_state, 'Someone Else', ?) WHERE sequence = ?")
                .params(pseudonym, redacted).update();
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void aShortNameIsErasedFromThePersonsOwnRecordsNotFromOtherText() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "Lunar " + s;
        send(post("/api/v1/teams"), "{\"name\":\"" + team + "\"}", 201);
        long lu = id(send(post("/api/v1/people"), """
                {"email":"lu-%s@erasure.test","name":"Lu","level":"PRACTITIONER","tier":"CONSUMER"}""".formatted(s), 201));

        String pseudonym = JsonPath.read(send(post("/api/v1/people/" + lu + "/erasure"),
                "{\"confirm\":\"lu-" + s + "@erasure.test\"}", 200), "$.pseudonym");

        assertThat(JsonPath.<String>read(send(get("/api/v1/people/" + lu), null, 200), "$.name")).isEqualTo(pseudonym);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM people_team WHERE name = ?").param(team).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE after_state LIKE ?").param("%" + team + "%")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry WHERE after_state LIKE ?")
                .param("%\"name\":\"Lu\"%").query(Long.class).single()).isZero();
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void onlyAdministratorsEraseOrExport() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        long person = JsonPath.<Number>read(send(post("/api/v1/people"), """
                {"email":"keep-%s@erasure.test","name":"Keep %s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                .formatted(s, s), 201), "$.id").longValue();
        for (Role role : List.of(Role.EXECUTIVE, Role.OWNER, Role.CONTRIBUTOR, Role.VIEWER)) {
            var user = TestUsers.create(users, role);
            RequestPostProcessor as = httpBasic(user.username(), TestUsers.PASSWORD);
            assertThat(mvc.perform(get("/api/v1/people/" + person + "/personal-data").with(as)).andReturn()
                    .getResponse().getStatus()).as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(post("/api/v1/people/" + person + "/erasure").with(as)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":\"keep-" + s + "@erasure.test\"}"))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(JsonPath.<String>read(send(get("/api/v1/people/" + person), null, 200), "$.name")).isEqualTo("Keep " + s);
    }

    private record Fixture(long zelda, long team, String workflow) {
    }

    private Fixture organization(String s, String name, String email) throws Exception {
        long team = id(send(post("/api/v1/teams"), "{\"name\":\"Erasure team " + s + "\"}", 201));
        long zelda = id(send(post("/api/v1/people"), """
                {"email":"%s","name":"%s","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d,"externalId":"EXT-%s"}"""
                .formatted(email, name, team, s), 201));
        List<String> members = new ArrayList<>(List.of(email));
        for (int i = 0; i < 5; i++) {
            send(post("/api/v1/people"), """
                    {"email":"m%d-%s@erasure.test","name":"Member %d %s","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                    .formatted(i, s, i, s, team), 201);
            members.add("m" + i + "-" + s + "@erasure.test");
        }
        // Five people outside the team: the organization minus the team is never a group too small to show.
        for (int i = 0; i < 5; i++) {
            send(post("/api/v1/people"), """
                    {"email":"o%d-%s@erasure.test","name":"Outsider %d %s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(i, s, i, s), 201);
        }
        send(post("/api/v1/ai-systems"), """
                {"key":"eras-%s","name":"Erasure system","kind":"AGENT","telemetryKeys":[]}""".formatted(s), 201);
        String workflow = "eras-" + s;
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Erasure workflow","stage":"PILOT","systems":["eras-%s"],
                 "intendedUsers":{"people":[],"teams":["Erasure team %s"]}}""".formatted(workflow, s, s), 201);
        StringBuilder events = new StringBuilder();
        for (int day = 0; day < 6; day++) {
            events.append("""
                    {"id":"z-%s-%d","time":"%sT09:00:00Z","person":"%s","system":"eras-%s","workflow":"%s","operation":"chat",
                     "outcome":"ACCEPTED","attributes":{"user.email":"%s","note":"asked by %s"}}
                    """.formatted(s, day, TODAY.minusDays(day), day % 2 == 0 ? email : "EXT-" + s, s, workflow, email, name)
                    .replace("\n", " ").trim()).append('\n');
        }
        for (int i = 0; i < 3; i++) {
            events.append("""
                    {"id":"m-%s-%d","time":"%sT10:00:00Z","person":"%s","system":"eras-%s","workflow":"%s","operation":"chat","outcome":"EDITED"}
                    """.formatted(s, i, TODAY.minusDays(i), members.get(i + 1), s, workflow).trim()).append('\n');
        }
        String ingested = mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson")
                .content(events.toString())).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(ingested, "$.accepted")).isEqualTo(9);
        rollups.rollUpPending();
        long skill = JsonPath.<Number>read(send(get("/api/v1/skills"), null, 200), "$[0].id").longValue();
        send(post("/api/v1/skill-assessments"), """
                {"personId":%d,"skillId":%d,"level":2,"assessedOn":"%s","source":"erasure test"}"""
                .formatted(zelda, skill, TODAY.minusDays(3)), 201);
        send(post("/api/v1/learning-records"), """
                {"personId":%d,"course":"Basics","status":"COMPLETED","completedOn":"%s","workflowKey":"%s","source":"t"}"""
                .formatted(zelda, TODAY.minusDays(2), workflow), 201);
        mvc.perform(post("/api/v1/xapi/statements").with(ADMIN).header("X-Experience-API-Version", "1.0.3")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"id":"%s","timestamp":"%sT09:00:00Z","actor":{"mbox":"mailto:%s","name":"%s"},
                         "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
                         "object":{"id":"https://lms.example/courses/%s"}}""".formatted(UUID.randomUUID(),
                        TODAY.minusDays(1), email, name, s))).andReturn();
        return new Fixture(zelda, team, workflow);
    }

    /** Every figure of the organization's, the workflow's and the team's scorecards, by id. */
    private Map<String, Object> scorecards(Fixture fx) throws Exception {
        Map<String, Object> figures = new java.util.TreeMap<>();
        for (String path : List.of("/api/v1/scorecards/organization", "/api/v1/scorecards/workflows/" + fx.workflow,
                "/api/v1/scorecards/teams/" + fx.team)) {
            String card = send(get(path), null, 200);
            List<Map<String, Object>> list = JsonPath.read(card, "$.figures");
            list.forEach(f -> figures.put(path + " " + f.get("id"), f.get("value")));
        }
        assertThat(figures).containsKey("/api/v1/scorecards/teams/" + fx.team + " reach");
        assertThat(figures.get("/api/v1/scorecards/teams/" + fx.team + " activePeople")).isNotNull();
        return figures;
    }

    /** Table.column of every value, in every table, that holds the name or the email (ignoring case). */
    private List<String> holding(String name, String email) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public'""").query().listOfRows();
        for (Map<String, Object> column : columns) {
            String type = String.valueOf(column.get("data_type")).toUpperCase(Locale.ROOT);
            if (!(type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB"))) {
                continue;
            }
            String table = String.valueOf(column.get("table_name")).toLowerCase(Locale.ROOT);
            String col = String.valueOf(column.get("column_name")).toLowerCase(Locale.ROOT);
            long n = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE LOWER(" + col + ") LIKE ? OR LOWER(" + col
                    + ") LIKE ?").params("%" + name.toLowerCase(Locale.ROOT) + "%", "%" + email.toLowerCase(Locale.ROOT) + "%")
                    .query(Long.class).single();
            if (n > 0) {
                found.add(table + "." + col);
            }
        }
        return found;
    }

    private String send(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        request.with(ADMIN);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    private static long id(String json) {
        return JsonPath.<Number>read(json, "$.id").longValue();
    }
}
