package dev.pitwall.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A workflow built for three people, alone in its initiative, with a role of three whose required
 * skill they all lack: an executive (no people:identify) sees none of the figures that describe
 * those three — adoption, skills, the losses read back from them, the names of who lacks the skill —
 * on any page, endpoint or export, while its value and spend stay shown; an administrator sees all
 * of them, and the names are audited.
 */
@PitwallIntegrationTest
class FewPeoplePrivacyIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    /** Yesterday: events at 09:00 today would lie in the future before 08:00 UTC. */
    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final String WITHHELD = "fewer than 5 intended users";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RollupService rollups;
    @Autowired
    AuditLog auditLog;

    private String key;
    private long initiative;
    private long skill;
    private RequestPostProcessor executive;

    @BeforeEach
    void aWorkflowForThreePeople() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        key = "few-" + s;
        initiative = JsonPath.<Number>read(send(post("/api/v1/initiatives"), "{\"name\":\"Few " + s + "\",\"objective\":\"Few\",\"stage\":\"ACTIVE\"}", ADMIN, 201),
                "$.id").longValue();
        skill = JsonPath.<Number>read(send(post("/api/v1/skills"),
                "{\"name\":\"Few skill " + s + "\",\"category\":\"AI\",\"description\":\"d\"}", ADMIN, 201), "$.id").longValue();
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String email = "few" + i + "-" + s + "@few.test";
            long person = JsonPath.<Number>read(send(post("/api/v1/people"), """
                    {"email":"%s","name":"Few Person %d %s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(email, i, s), ADMIN, 201), "$.id").longValue();
            send(post("/api/v1/skill-assessments"), """
                    {"personId":%d,"skillId":%d,"level":1,"assessedOn":"%s","source":"test"}"""
                    .formatted(person, skill, YESTERDAY.minusDays(30)), ADMIN, 201);
            emails.append(emails.isEmpty() ? "" : ",").append('"').append(email).append('"');
        }
        String owner = "owner-" + s + "@few.test";
        send(post("/api/v1/people"), """
                {"email":"%s","name":"Owner %s","level":"MANAGER","tier":"CONSUMER"}""".formatted(owner, s), ADMIN, 201);
        users.create(new NewUser("few-owner-" + s, "Owner", owner, Role.OWNER, TestUsers.PASSWORD));
        send(post("/api/v1/ai-systems"), """
                {"key":"%s","name":"Few system","kind":"AGENT"}""".formatted(key), ADMIN, 201);
        send(post("/api/v1/workflows"), """
                {"key":"%1$s","name":"Few workflow %2$s","stage":"PILOT","aiGoLive":"%3$s","initiative":"Few %2$s",
                 "systems":["%1$s"],"intendedUsers":{"people":[%4$s],"teams":[]},
                 "decisionRights":{"ACCOUNTABLE_OWNER":"%5$s"},
                 "roles":[{"name":"Counsel","members":[%4$s],"skills":[{"skill":"Few skill %2$s","level":3}]}]}"""
                .formatted(key, s, YESTERDAY.minusDays(60), emails, owner), ADMIN, 201);
        send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER","cadence":"MONTHLY",
                 "baselineValue":100,"baselineFrom":"%s","baselineTo":"%s","target":60,"valuePerUnit":50}"""
                .formatted(YESTERDAY.minusDays(150), YESTERDAY.minusDays(90)), ADMIN, 201);
        String events = """
                {"id":"%1$s-a","time":"%2$sT09:00:00Z","person":"few0-%3$s@few.test","system":"%1$s","workflow":"%1$s","operation":"chat"}
                {"id":"%1$s-b","time":"%2$sT09:00:00Z","person":"few1-%3$s@few.test","system":"%1$s","workflow":"%1$s","operation":"chat"}
                """.formatted(key, YESTERDAY, s);
        mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson").content(events))
                .andReturn();
        rollups.rollUpPending();
        send(post("/api/v1/workflows/" + key + "/waivers"), """
                {"reason":"Small team goes live first","expiresOn":"%s"}""".formatted(YESTERDAY.plusDays(90)),
                httpBasic("few-owner-" + s, TestUsers.PASSWORD), 201);
        send(post("/api/v1/workflows/" + key + "/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"go-live\"}", ADMIN,
                201);
        // Beside it a workflow for five in production, so the organization has one to show.
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String email = "five" + i + "-" + s + "@few.test";
            send(post("/api/v1/people"), """
                    {"email":"%s","name":"Five Person %d %s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(email, i, s), ADMIN, 201);
            five.append(five.isEmpty() ? "" : ",").append('"').append(email).append('"');
        }
        send(post("/api/v1/workflows"), """
                {"key":"%1$s-five","name":"Five workflow %2$s","stage":"PILOT","aiGoLive":"%3$s","systems":["%1$s"],
                 "intendedUsers":{"people":[%4$s],"teams":[]},"decisionRights":{"ACCOUNTABLE_OWNER":"%5$s"}}"""
                .formatted(key, s, YESTERDAY.minusDays(60), five, owner), ADMIN, 201);
        mvc.perform(post("/api/v1/usage-events").with(ADMIN).contentType("application/x-ndjson").content("""
                {"id":"%1$s-five","time":"%2$sT09:00:00Z","person":"five0-%3$s@few.test","system":"%1$s","workflow":"%1$s-five","operation":"chat"}
                """.formatted(key, YESTERDAY, s))).andReturn();
        rollups.rollUpPending();
        send(post("/api/v1/workflows/" + key + "-five/waivers"), """
                {"reason":"Goes live with the small one","expiresOn":"%s"}""".formatted(YESTERDAY.plusDays(90)),
                httpBasic("few-owner-" + s, TestUsers.PASSWORD), 201);
        send(post("/api/v1/workflows/" + key + "-five/stage"), "{\"stage\":\"PRODUCTION\",\"reason\":\"go-live\"}",
                ADMIN, 201);
        var user = TestUsers.create(users, Role.EXECUTIVE);
        executive = httpBasic(user.username(), TestUsers.PASSWORD);
    }

    @Test
    void theWorkflowsFiguresAboutItsPeopleAreWithheldFromAnExecutive() throws Exception {
        DocumentContext seen = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key), null, executive, 200));
        DocumentContext full = JsonPath.parse(send(get("/api/v1/scorecards/workflows/" + key), null, ADMIN, 200));

        // The administrator: two of the three used it; each has a third of the skill's required level.
        assertThat(value(full, "$.figures", "reach")).isEqualTo(2.0 / 3);
        assertThat(full.<List<Integer>>read("$.levelDistribution[*].people").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(3);
        assertThat(full.<Number>read("$.roles[0].skillCoverage.value").doubleValue()).isEqualTo(1.0 / 3);

        for (String id : List.of("reach", "adoptionDepth", "skillCoverage", "skillGap", "trainedShare", "workforceIndex",
                "operatingModelCapture", "strandedCapital")) {
            assertThat(seen.<List<Object>>read("$.figures[?(@.id == '" + id + "')].value")).as(id).containsOnlyNulls();
            assertThat(seen.<List<String>>read("$.figures[?(@.id == '" + id + "')].reason").get(0)).as(id)
                    .startsWith(WITHHELD);
        }
        for (String id : List.of("lostToAdoption", "lostToQuality", "expected", "operatingModelResidual")) {
            assertThat(seen.<List<Object>>read("$.waterfall[?(@.id == '" + id + "')].value")).as(id).containsOnlyNulls();
        }
        assertThat(seen.<List<Boolean>>read("$.levelDistribution[*].withheld")).containsOnly(true);
        assertThat(seen.<List<Integer>>read("$.levelDistribution[*].people")).containsOnly(0);
        assertThat(seen.<Object>read("$.bindingConstraint")).isNull();
        assertThat(seen.<Object>read("$.roles[0].skillCoverage.value")).isNull();
        // What describes the workflow, not its people, stays the same for both.
        for (String id : List.of("targetImpact", "infrastructureSpend", "workforceSpend", "technicalIndex")) {
            assertThat(seen.<List<Object>>read("$.figures[?(@.id == '" + id + "')].value")).as(id)
                    .isEqualTo(full.<List<Object>>read("$.figures[?(@.id == '" + id + "')].value"));
        }
        assertThat(value(seen, "$.figures", "targetImpact")).isEqualTo(2000.0);

        assertThat(send(get("/scorecards/workflows/" + key).accept(MediaType.TEXT_HTML), null, executive, 200))
                .contains(WITHHELD);
        List<CSVRecord> figures = csv(send(get("/scorecards/workflows/" + key + "/figures.csv"), null, executive, 200));
        CSVRecord reach = figures.stream().filter(r -> r.get("id").equals("reach")).findFirst().orElseThrow();
        assertThat(reach.get("value")).isEmpty();
        assertThat(reach.get("reason")).startsWith(WITHHELD);
        CSVRecord reachForAdmin = csv(send(get("/scorecards/workflows/" + key + "/figures.csv"), null, ADMIN, 200)).stream()
                .filter(r -> r.get("id").equals("reach")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(reachForAdmin.get("value"))).isEqualTo(2.0 / 3);
    }

    @Test
    void theRankingTheInitiativeAndTheValueWaterfallWithholdItToo() throws Exception {
        DocumentContext organization = JsonPath.parse(send(get("/api/v1/scorecards/organization"), null, executive, 200));
        String row = "$.workflows[?(@.workflowKey == '" + key + "')]";
        assertThat(organization.<List<Boolean>>read(row + ".withheld")).containsExactly(true);
        assertThat(organization.<List<Integer>>read(row + ".intendedUsers")).containsExactly(3);
        assertThat(organization.<List<Object>>read(row + ".adoptionDepth")).containsOnlyNulls();
        assertThat(organization.<List<Object>>read(row + ".workforceIndex")).containsOnlyNulls();
        assertThat(organization.<List<Number>>read(row + ".targetImpact").get(0).doubleValue()).isEqualTo(2000.0);
        DocumentContext forAdmin = JsonPath.parse(send(get("/api/v1/scorecards/organization"), null, ADMIN, 200));
        assertThat(forAdmin.<List<Boolean>>read(row + ".withheld")).containsExactly(false);
        assertThat(forAdmin.<List<Number>>read(row + ".adoptionDepth")).hasSize(1).doesNotContainNull();

        // The organization's mean adoption depth is over the production workflows shown, not the withheld
        // one: otherwise its depth would be the total minus the others.
        List<Number> shownDepths = organization.read("$.workflows[?(@.stage == 'PRODUCTION' && @.withheld == false "
                + "&& @.adoptionDepth != null)].adoptionDepth");
        double mean = shownDepths.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
        assertThat(value(organization, "$.figures", "adoptionDepth")).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(organization.<List<String>>read("$.figures[?(@.id == 'adoptionDepth')].reason").get(0))
                .contains("workflows in production with at least 5 intended users");
        List<Number> allDepths = forAdmin.read("$.workflows[?(@.stage == 'PRODUCTION' && @.adoptionDepth != null)].adoptionDepth");
        assertThat(value(forAdmin, "$.figures", "adoptionDepth")).isCloseTo(
                allDepths.stream().mapToDouble(Number::doubleValue).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-12));

        String page = send(get("/scorecards").accept(MediaType.TEXT_HTML), null, executive, 200);
        assertThat(page).contains("fewer than 5 intended users: figures about them withheld");
        CSVRecord ranked = csv(send(get("/scorecards/workflows.csv"), null, executive, 200)).stream()
                .filter(r -> r.get("workflow").equals(key)).findFirst().orElseThrow();
        assertThat(ranked.get("adoptionDepth")).isEmpty();
        assertThat(ranked.get("peopleFiguresWithheld (fewer than 5 intended users)")).isEqualTo("true");

        // The initiative rests on three people: its own figures about people are withheld as well.
        DocumentContext alone = JsonPath.parse(send(get("/api/v1/scorecards/initiatives/" + initiative), null, executive,
                200));
        assertThat(alone.<List<Object>>read("$.figures[?(@.id == 'adoptionDepth')].value")).containsOnlyNulls();
        assertThat(alone.<List<String>>read("$.figures[?(@.id == 'adoptionDepth')].reason").get(0))
                .startsWith("fewer than 5 people");
        assertThat(JsonPath.parse(send(get("/api/v1/scorecards/initiatives/" + initiative), null, ADMIN, 200))
                .<List<Object>>read("$.figures[?(@.id == 'adoptionDepth')].value")).doesNotContainNull();

        // The organization's value waterfall leaves the workflow out for the executive, saying why.
        String capture = send(get("/api/v1/scorecards/organization/value-capture"), null, executive, 200);
        assertThat(JsonPath.<String>read(capture, "$.waterfall.leftOut['" + key + "']")).startsWith(WITHHELD);
        Map<String, String> leftOutForAdmin = JsonPath.read(send(get("/api/v1/scorecards/organization/value-capture"),
                null, ADMIN, 200), "$.waterfall.leftOut");
        assertThat(leftOutForAdmin.getOrDefault(key, "")).doesNotStartWith(WITHHELD);
    }

    @Test
    void whoLacksASkillIsNamedOnlyToThoseWhoMayIdentifyPeople() throws Exception {
        String gaps = send(get("/api/v1/insight/skill-gaps"), null, executive, 200);
        String gap = "$.matrix[?(@.workflowKey == '" + key + "')]";
        assertThat(JsonPath.<List<Boolean>>read(gaps, gap + ".withheld")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(gaps, gap + ".below")).containsOnlyNulls();
        assertThat(gaps).doesNotContain("Few Person");
        String skillView = send(get("/api/v1/insight/skills/" + skill), null, executive, 200);
        assertThat(JsonPath.<List<String>>read(skillView, "$.lacking")).isEmpty();
        assertThat(JsonPath.<Object>read(skillView, "$.lackingCount")).isNull();
        // Three at level 1: withheld, and the not assessed with it (everyone else minus them would tell).
        assertThat(JsonPath.<Object>read(skillView, "$.levels['1']")).isNull();
        assertThat(JsonPath.<Object>read(skillView, "$.notAssessed")).isNull();
        assertThat(send(get("/insight/skills/" + skill).accept(MediaType.TEXT_HTML), null, executive, 200))
                .contains("Fewer than 5 people: withheld.").doesNotContain("Few Person");
        assertThat(send(get("/insight/skill-gaps").accept(MediaType.TEXT_HTML), null, executive, 200))
                .contains("fewer than 5 members: withheld");

        long before = auditLog.lastSequence();
        String named = send(get("/api/v1/insight/skill-gaps"), null, ADMIN, 200);
        assertThat(JsonPath.<List<Integer>>read(named, gap + ".below")).containsExactly(3);
        assertThat(JsonPath.<List<List<String>>>read(named, gap + ".belowPeople").get(0)).hasSize(3)
                .allSatisfy(n -> assertThat(n).startsWith("Few Person"));
        String skillForAdmin = send(get("/api/v1/insight/skills/" + skill), null, ADMIN, 200);
        assertThat(JsonPath.<List<String>>read(skillForAdmin, "$.lacking")).hasSize(3);
        assertThat(JsonPath.<Integer>read(skillForAdmin, "$.levels['1']")).isEqualTo(3);
        // The same levels for both, withheld or not; the not assessed are not among them.
        assertThat(JsonPath.<Map<String, Object>>read(skillView, "$.levels").keySet())
                .isEqualTo(JsonPath.<Map<String, Object>>read(skillForAdmin, "$.levels").keySet())
                .doesNotContain("-1");
        List<String> kinds = auditLog.find(new AuditQuery(PeopleData.IDENTIFIED_VIEW, null, "admin", null, null, null),
                new PageQuery(0, 50)).content().stream().filter(e -> e.sequence() > before)
                .map(e -> JsonPath.<String>read(e.after(), "$.kind")).toList();
        assertThat(kinds).containsExactly("skill-gaps", "skill-gaps");
    }

    @Test
    void usageRollupsCountFewPeopleOnlyForThoseWhoMayIdentifyThem() throws Exception {
        java.util.function.Supplier<MockHttpServletRequestBuilder> daily = () -> get("/api/v1/usage-rollups/daily")
                .param("from", YESTERDAY.toString()).param("to", YESTERDAY.toString()).param("workflow", key);
        String seen = send(daily.get(), null, executive, 200);
        assertThat(JsonPath.<List<Number>>read(seen, "$[*].events")).containsExactly(2);
        assertThat(JsonPath.<List<Object>>read(seen, "$[*].activePeople")).containsExactly((Object) null);
        assertThat(JsonPath.<List<Number>>read(send(daily.get(), null, ADMIN, 200), "$[*].activePeople")).containsExactly(2);

        // The system: two of the three and one of the five used it.
        java.util.function.Supplier<MockHttpServletRequestBuilder> systems = () -> get("/api/v1/usage-rollups/systems")
                .param("from", YESTERDAY.toString()).param("to", YESTERDAY.toString());
        String row = "$[?(@.systemKey == '" + key + "')]";
        String bySystem = send(systems.get(), null, executive, 200);
        assertThat(JsonPath.<List<Number>>read(bySystem, row + ".events")).containsExactly(3);
        assertThat(JsonPath.<List<Object>>read(bySystem, row + ".activePeople")).containsExactly((Object) null);
        assertThat(JsonPath.<List<Number>>read(send(systems.get(), null, ADMIN, 200), row + ".activePeople")).containsExactly(3);
        assertThat(send(get("/telemetry").accept(MediaType.TEXT_HTML), null, executive, 200)).contains("fewer than 5");
    }

    private static double value(DocumentContext card, String list, String id) {
        return card.<List<Number>>read(list + "[?(@.id == '" + id + "')].value").get(0).doubleValue();
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    private String send(MockHttpServletRequestBuilder request, String body, RequestPostProcessor as, int status)
            throws Exception {
        request.with(as);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
