package dev.pitwall.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.people.Level;
import dev.pitwall.people.LearningStatus;
import dev.pitwall.people.NewLearningRecord;
import dev.pitwall.people.NewSkillAssessment;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The gate through the API: a new workflow fails each check for each missing element; fixing them
 * one by one makes it pass and promotable; a waiver by the accountable owner lets a failing one through.
 */
@PitwallIntegrationTest
class PortfolioApiIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final String PASSWORD = "owner-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    UserService users;
    @Autowired
    SkillService skills;
    @Autowired
    SkillAssessmentService assessments;
    @Autowired
    LearningRecordService learning;
    @Autowired
    AuditLog auditLog;

    private String suffix;
    private Person owner;
    private final List<Person> clerks = new ArrayList<>();

    @BeforeEach
    void organization() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = person("owner", Level.EXECUTIVE, Tier.CONSUMER);
        for (int i = 0; i < 5; i++) {
            clerks.add(person("clerk" + i, Level.PRACTITIONER, Tier.CONSUMER));
        }
        users.create(new NewUser("owner-" + suffix, "Owner", owner.email(), Role.OWNER, PASSWORD));
        mvc.perform(post("/api/v1/initiatives").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"Initiative %s","objective":"Faster invoices","sponsorId":%d,"stage":"ACTIVE"}"""
                .formatted(suffix, owner.id()))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"sys-%s","name":"Matcher","kind":"ML_MODEL","provider":"Acme","models":["m1"],
                 "telemetryKeys":[{"kind":"SERVICE_NAME","value":"matcher-%s"}]}""".formatted(suffix, suffix)))
                .andExpect(status().isCreated());
    }

    private Person person(String name, Level level, Tier tier) {
        return people.create(new PersonDraft(name + "-" + suffix + "@gate.test", null, name, "Clerk", null, null, level,
                tier, true));
    }

    private String key() {
        return "wf-" + suffix;
    }

    private ResultActions gate() throws Exception {
        return mvc.perform(get("/api/v1/workflows/" + key() + "/gate").with(ADMIN)).andExpect(status().isOk());
    }

    private String check(String id) {
        return "$.checks[?(@.id == '" + id + "')].passed";
    }

    private void putDefinition(String body) throws Exception {
        mvc.perform(put("/api/v1/workflows/" + key() + "/definition").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }

    private String definition(String rights, String users, String roles, String sources) {
        return """
                {"name":"Invoice exceptions","initiative":"Initiative %s","systems":["sys-%s"],
                 "steps":[{"name":"Review","actor":"HUMAN","tool":"ERP"},{"name":"Propose","actor":"AI","tool":"Matcher"}],
                 "decisionRights":{%s},"intendedUsers":{"people":[%s],"teams":[]},"roles":[%s],"dataSources":[%s]}"""
                .formatted(suffix, suffix, rights, users, roles, sources);
    }

    private String allRights() {
        StringBuilder rights = new StringBuilder();
        for (DecisionRight right : DecisionRight.values()) {
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"").append(owner.email()).append('"');
        }
        return rights.toString();
    }

    private String clerkEmails() {
        return String.join(",", clerks.stream().map(c -> "\"" + c.email() + "\"").toList());
    }

    @Test
    void aNewWorkflowFailsEachCheckThenPassesOnceEachIsFixedAndIsPromoted() throws Exception {
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"key\":\"%s\",\"name\":\"Invoice exceptions\",\"stage\":\"PILOT\"}".formatted(key())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.action").value("CREATED"));
        gate().andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath(check("decision-rights")).value(hasItem(false)))
                .andExpect(jsonPath("$.checks[?(@.id == 'decision-rights')].reasons[0]")
                        .value(hasItem("ACCOUNTABLE_OWNER is held by nobody.")))
                .andExpect(jsonPath(check("data-readiness")).value(hasItem(false)))
                .andExpect(jsonPath(check("workforce-readiness")).value(hasItem(false)))
                .andExpect(jsonPath(check("measurement-contract")).value(hasItem(false)));
        mvc.perform(post("/api/v1/workflows/" + key() + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PRODUCTION\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("GATE_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("decision-rights")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("workforce-readiness")));

        // 1. decision rights
        putDefinition(definition(allRights(), "", "", ""));
        gate().andExpect(jsonPath(check("decision-rights")).value(hasItem(true)))
                .andExpect(jsonPath(check("data-readiness")).value(hasItem(false)));

        // 2. data readiness: a source, then an assessment that reaches the threshold
        putDefinition(definition(allRights(), "", "",
                "{\"name\":\"ERP invoices\",\"owningSystem\":\"ERP\",\"steward\":\"%s\"}".formatted(owner.email())));
        gate().andExpect(jsonPath("$.checks[?(@.id == 'data-readiness')].reasons[0]")
                .value(hasItem("ERP invoices has never been assessed.")));
        long source = ((Number) JsonPath.read(mvc.perform(get("/api/v1/workflows/" + key() + "/data-sources").with(ADMIN))
                .andReturn().getResponse().getContentAsString(), "$[0].id")).longValue();
        mvc.perform(post("/api/v1/data-sources/" + source + "/assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"freshness\":2,\"quality\":4,\"access\":4,\"governance\":4}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(3.5));
        gate().andExpect(jsonPath(check("data-readiness")).value(hasItem(false)));
        mvc.perform(post("/api/v1/data-sources/" + source + "/assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"freshness\":3,\"quality\":4,\"access\":4,\"governance\":3}")).andExpect(status().isCreated());
        gate().andExpect(jsonPath(check("data-readiness")).value(hasItem(true)));

        // 3. workforce readiness: intended users and a role with skills, assessments, training
        long skill = skills.findByName("Evaluating AI output").orElseThrow().id();
        putDefinition(definition(allRights(), clerkEmails(),
                "{\"name\":\"reviewer\",\"members\":[%s],\"skills\":[{\"skill\":\"Evaluating AI output\",\"level\":2}]}"
                        .formatted(clerkEmails()),
                "{\"name\":\"ERP invoices\",\"owningSystem\":\"ERP\",\"steward\":\"%s\"}".formatted(owner.email())));
        gate().andExpect(jsonPath("$.checks[?(@.id == 'workforce-readiness')].reasons[*]")
                .value(hasItem(containsString("5 required skill(s) of role members were never assessed"))));
        for (Person clerk : clerks) {
            assessments.record(new NewSkillAssessment(clerk.id(), skill, 2, LocalDate.now().minusDays(3), "test"));
        }
        for (Person clerk : clerks.subList(0, 4)) {
            learning.record(new NewLearningRecord(clerk.id(), "Matcher onboarding", skill, LearningStatus.COMPLETED, null,
                    LocalDate.now().minusDays(2), key(), "test"));
        }
        gate().andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath(check("workforce-readiness")).value(hasItem(true)))
                .andExpect(jsonPath("$.checks[?(@.id == 'measurement-contract')].reasons[0]")
                        .value(hasItem(containsString("No business-outcome KPI"))));

        // 4. the measurement contract: an outcome KPI with a baseline before go-live, target and value
        mvc.perform(post("/api/v1/workflows/" + key() + "/kpis").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Hours on exceptions","unit":"hours","level":"BUSINESS_OUTCOME",
                         "direction":"LOWER_IS_BETTER","baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s",
                         "target":600,"valuePerUnit":40,"cadence":"MONTHLY"}"""
                        .formatted(LocalDate.now().minusDays(120), LocalDate.now().minusDays(30))))
                .andExpect(status().isCreated());
        gate().andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath(check("measurement-contract")).value(hasItem(true)))
                .andExpect(jsonPath(check("governance")).value(hasItem(false)));

        // 5. governance: a low-risk classification and its three required controls, with evidence
        mvc.perform(put("/api/v1/workflows/" + key() + "/risk-classification").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"personalData":false,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":[],
                         "narrowProceduralTask":false,"profiling":false,"autonomy":"SUGGESTS",
                         "internalDecisionSupport":true,"knowledgeRetrieval":false,"securityOperations":false,
                         "syntheticContent":false,"emotionOrBiometric":false,"prohibitedPractices":[]}"""))
                .andExpect(jsonPath("$.tier").value("LOW"));
        for (String control : List.of("ownership", "usage-policy", "training")) {
            mvc.perform(post("/api/v1/workflows/" + key() + "/controls/" + control + "/evidence").with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\":\"Record\",\"url\":\"https://wiki.example/" + control + "\"}"))
                    .andExpect(status().isCreated());
            mvc.perform(put("/api/v1/workflows/" + key() + "/controls/" + control).with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"IMPLEMENTED\"}"))
                    .andExpect(status().isOk());
        }
        gate().andExpect(jsonPath("$.passed").value(true))
                .andExpect(jsonPath("$.promotable").value(true))
                .andExpect(jsonPath("$.checks[?(@.id == 'workforce-readiness')].summary")
                        .value(hasItem(containsString("80% trained"))));

        mvc.perform(post("/api/v1/workflows/" + key() + "/stage").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PRODUCTION\",\"reason\":\"ready\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.to").value("PRODUCTION"))
                .andExpect(jsonPath("$.waiverId").doesNotExist());
        mvc.perform(get("/api/v1/workflows/" + key() + "/stage-history").with(ADMIN))
                .andExpect(jsonPath("$[*].to").value(org.hamcrest.Matchers.contains("PILOT", "PRODUCTION")));
        assertThat(auditLog.find(new AuditQuery("WORKFLOW_STAGE", key(), null, null, null, null), new PageQuery(0, 10))
                .totalElements()).isEqualTo(2);
    }

    @Test
    void onlyTheAccountableOwnerCanWaiveAndAWaiverLetsAFailingWorkflowThrough() throws Exception {
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(definition(allRights(), "", "", "").replace("{\"name\"",
                        "{\"key\":\"" + key() + "\",\"stage\":\"PILOT\",\"name\""))).andExpect(status().isCreated());
        String waiver = "{\"reason\":\"Launch for the quarter close\",\"expiresOn\":\"%s\"}"
                .formatted(LocalDate.now().plusDays(30));
        mvc.perform(post("/api/v1/workflows/" + key() + "/waivers").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(waiver))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NOT_ACCOUNTABLE_OWNER"));
        RequestPostProcessor ownerUser = httpBasic("owner-" + suffix, PASSWORD);
        mvc.perform(post("/api/v1/workflows/" + key() + "/waivers").with(ownerUser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\",\"expiresOn\":\"%s\"}".formatted(LocalDate.now().plusDays(400))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        mvc.perform(post("/api/v1/workflows/" + key() + "/waivers").with(ownerUser).contentType(MediaType.APPLICATION_JSON)
                        .content(waiver))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grantedByName").value("owner"))
                .andExpect(jsonPath("$.failedChecks").value(hasItem("data-readiness")));
        gate().andExpect(jsonPath("$.passed").value(false)).andExpect(jsonPath("$.promotable").value(true));
        mvc.perform(post("/api/v1/workflows/" + key() + "/stage").with(ownerUser).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stage\":\"PRODUCTION\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.waiverId").isNumber());
        mvc.perform(get("/api/v1/waivers").with(ADMIN))
                .andExpect(jsonPath("$[*].workflowKey").value(hasItem(key())));
        assertThat(auditLog.find(new AuditQuery("WAIVER", null, "owner-" + suffix, null, null, null), new PageQuery(0, 5))
                .totalElements()).isEqualTo(1);
    }

    @Test
    void aDefinitionWithUnknownReferencesNamesEveryFieldAndChangesNothing() throws Exception {
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"key":"%s","name":"","initiative":"Nope","systems":["ghost"],
                         "steps":[{"name":"Step"}],"decisionRights":{"OUTPUT_APPROVER":"nobody@nowhere.test"},
                         "roles":[{"name":"r","skills":[{"skill":"Juggling","level":2},{"skill":"Prompt writing","level":9}]}],
                         "intendedUsers":{"people":[],"teams":["No Such Team"]}}""".formatted(key())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_WORKFLOW"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name",
                        "initiative", "systems[0]", "steps[0].actor", "decisionRights.OUTPUT_APPROVER",
                        "roles[0].skills[0].skill", "roles[0].skills[1].level", "intendedUsers.teams[0]")));
        mvc.perform(get("/api/v1/workflows/" + key()).with(ADMIN)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("WORKFLOW_NOT_FOUND"));
    }

    @Test
    void aRightCanBeAssignedAndTheMatrixShowsTheGaps() throws Exception {
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"%s\",\"name\":\"Matrix\"}".formatted(key()))).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/workflows/" + key() + "/decision-rights/OVERRIDE_AUTHORITY").with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"holder\":\"%s\",\"note\":\"weekdays\"}".formatted(owner.email())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holder.email").value(owner.email()))
                .andExpect(jsonPath("$.note").value("weekdays"));
        mvc.perform(get("/api/v1/workflows/" + key() + "/decision-rights").with(ADMIN))
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.gaps.length()").value(8));
        mvc.perform(get("/api/v1/decision-rights").with(ADMIN))
                .andExpect(jsonPath("$.rows[?(@.workflowKey == '" + key() + "')].rights.length()").value(hasItem(9)));
        mvc.perform(get("/api/v1/workflows/" + key() + "/friction").with(ADMIN))
                .andExpect(jsonPath("$.parts[?(@.id == 'unheld-decision-rights')].points").value(hasItem(8)));
    }

    @Test
    void theTelemetryLookupFindsTheSystemByItsKeys() throws Exception {
        mvc.perform(get("/api/v1/ai-systems/lookup").param("serviceName", "MATCHER-" + suffix).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.systemKey").value("sys-" + suffix))
                .andExpect(jsonPath("$.matchedBy").value("SERVICE_NAME"));
        mvc.perform(get("/api/v1/ai-systems/lookup").param("serviceName", "unknown-" + suffix).with(ADMIN))
                .andExpect(status().isNotFound());
    }
}
