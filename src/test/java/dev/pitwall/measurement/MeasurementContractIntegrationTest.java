package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Measurement contracts through the API: KPIs with their validation and tree, measurements one at
 * a time, in batches and from CSV (all or nothing, every bad item named), the gate check and the
 * missing-baseline friction, deployments from a CI token, and who may do what.
 */
@PitwallIntegrationTest
class MeasurementContractIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuditLog auditLog;

    private String suffix;
    private Person owner;

    @BeforeEach
    void workflow() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = people.create(new PersonDraft("kpi-owner-" + suffix + "@measure.test", null, "KPI Owner", "Head of AP",
                null, null, Level.MANAGER, Tier.CONSUMER, true));
        mvc.perform(post("/api/v1/ai-systems").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"sys-%s","name":"Matcher","kind":"ML_MODEL","provider":"Acme","models":["m1"],"telemetryKeys":[]}"""
                .formatted(suffix))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/workflows").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"key":"%s","name":"Measured","stage":"PILOT","aiGoLive":"%s","systems":["sys-%s"]}"""
                .formatted(key(), TODAY.minusDays(60), suffix))).andExpect(status().isCreated());
    }

    private String key() {
        return "measured-" + suffix;
    }

    private String kpi(String name, String level, Object baselineValue, LocalDate baselineTo, Object target,
            Object valuePerUnit, Long parentId) {
        return """
                {"name":"%s","unit":"hours","level":"%s","direction":"LOWER_IS_BETTER","baselineValue":%s,
                 "baselineFrom":%s,"baselineTo":%s,"target":%s,"valuePerUnit":%s,"owner":"%s",
                 "dataSource":"ERP","cadence":"MONTHLY","parentId":%s}"""
                .formatted(name, level, baselineValue, baselineTo == null ? null : "\"" + baselineTo.minusDays(89) + "\"",
                        baselineTo == null ? null : "\"" + baselineTo + "\"", target, valuePerUnit, owner.email(), parentId);
    }

    private ResultActions createKpi(String body) throws Exception {
        return mvc.perform(post("/api/v1/workflows/" + key() + "/kpis").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private ResultActions gate() throws Exception {
        return mvc.perform(get("/api/v1/workflows/" + key() + "/gate").with(ADMIN)).andExpect(status().isOk());
    }

    private static final String CONTRACT = "$.checks[?(@.id == 'measurement-contract')]";

    @Test
    void theContractCheckNamesEachGapUntilTheOutcomeKpiIsComplete() throws Exception {
        gate().andExpect(jsonPath(CONTRACT + ".reasons[0]").value(hasItem(containsString("No business-outcome KPI"))));
        mvc.perform(get("/api/v1/workflows/" + key() + "/friction").with(ADMIN))
                .andExpect(jsonPath("$.parts[?(@.id == 'missing-baseline')].points").value(hasItem(1)));

        // a baseline measured after go-live, no target, no value per unit
        long outcome = id(createKpi(kpi("Hours on exceptions", "BUSINESS_OUTCOME", 1000, TODAY.minusDays(10), null, null,
                null)).andExpect(status().isCreated()).andExpect(jsonPath("$.ownerName").value("KPI Owner")));
        gate().andExpect(jsonPath(CONTRACT + ".passed").value(hasItem(false)))
                .andExpect(jsonPath(CONTRACT + ".reasons[*]").value(containsInAnyOrder(
                        "KPI 'Hours on exceptions': the baseline period ends " + TODAY.minusDays(10)
                                + ", not before AI go-live " + TODAY.minusDays(60) + ".",
                        "KPI 'Hours on exceptions' has no target.",
                        "KPI 'Hours on exceptions' has no value per unit, so its impact cannot be priced.")));

        mvc.perform(put("/api/v1/kpis/" + outcome).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(kpi("Hours on exceptions", "BUSINESS_OUTCOME", 1000, TODAY.minusDays(75), 600, 40, null)))
                .andExpect(status().isOk());
        gate().andExpect(jsonPath(CONTRACT + ".passed").value(hasItem(true)))
                .andExpect(jsonPath(CONTRACT + ".summary").value(hasItem(containsString("1 business-outcome KPI"))));
        mvc.perform(get("/api/v1/workflows/" + key() + "/friction").with(ADMIN))
                .andExpect(jsonPath("$.parts[?(@.id == 'missing-baseline')].points").value(hasItem(0)));

        // an operational KPI below it does not need money; the tree refuses loops and strangers
        long child = id(createKpi(kpi("First-time match rate", "OPERATIONAL", 70, TODAY.minusDays(75), 90, null, outcome))
                .andExpect(status().isCreated()));
        gate().andExpect(jsonPath(CONTRACT + ".passed").value(hasItem(true)));
        mvc.perform(put("/api/v1/kpis/" + outcome).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(kpi("Hours on exceptions", "BUSINESS_OUTCOME", 1000, TODAY.minusDays(75), 600, 40, child)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].reason").value("would make the KPI tree a loop"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/kpis/" + outcome)
                .with(ADMIN)).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("KPI_HAS_CHILDREN"));
        mvc.perform(get("/api/v1/workflows/" + key() + "/kpis").with(ADMIN))
                .andExpect(jsonPath("$[*].name").value(containsInAnyOrder("Hours on exceptions", "First-time match rate")))
                .andExpect(jsonPath("$[1].parentId").value((int) outcome));
        assertThat(auditLog.find(new AuditQuery("KPI", null, null, null, null, null), new PageQuery(0, 50)).content())
                .anySatisfy(e -> assertThat(e.entityId()).isEqualTo(String.valueOf(outcome)));
    }

    @Test
    void badKpisAreRefusedWithTheField() throws Exception {
        createKpi(kpi("No period", "BUSINESS_OUTCOME", 1000, null, 600, 40, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("baselineTo"));
        createKpi(kpi("Future", "BUSINESS_OUTCOME", 1000, TODAY.plusDays(5), 600, 40, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("baselineTo"));
        createKpi(kpi("Stranger", "BUSINESS_OUTCOME", 1, TODAY.minusDays(90), 2, 3, null).replace(owner.email(),
                "nobody@nowhere.test")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        createKpi(kpi("", "SIDEWAYS", 1, TODAY.minusDays(90), 2, 3, null)).andExpect(status().isBadRequest());
        createKpi(kpi("Twice", "TECHNICAL", 1, TODAY.minusDays(90), 2, null, null)).andExpect(status().isCreated());
        createKpi(kpi("twice ", "TECHNICAL", 1, TODAY.minusDays(90), 2, null, null)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("KPI_NAME_TAKEN"));
        createKpi(kpi("Orphan", "TECHNICAL", 1, TODAY.minusDays(90), 2, null, 987654321L)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    }

    @Test
    void measurementsArriveSinglyInBatchesAndFromCsvAllOrNothing() throws Exception {
        long outcome = id(createKpi(kpi("Hours", "BUSINESS_OUTCOME", 1000, TODAY.minusDays(75), 600, 40, null)));
        String base = "/api/v1/kpis/" + outcome + "/measurements";
        LocalDate m1 = TODAY.minusDays(40);
        LocalDate m2 = TODAY.minusDays(10);
        mvc.perform(post(base).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periodEnd\":\"%s\",\"value\":900}".formatted(m1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));

        // a batch with a future period, a duplicate period and a missing value stores nothing
        mvc.perform(post(base + "/batch").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        [{"periodEnd":"%s","value":800},{"periodEnd":"%s","value":1},{"periodEnd":"%s","value":2},
                         {"periodEnd":"%s"}]""".formatted(m2, TODAY.plusDays(3), m2, m1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MEASUREMENTS_INVALID"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("[1].periodEnd", "[2].periodEnd",
                        "[3].value")));
        mvc.perform(get(base).with(ADMIN)).andExpect(jsonPath("$.length()").value(1));

        mvc.perform(post(base + "/batch").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        [{"periodEnd":"%s","value":850},{"periodEnd":"%s","value":800}]""".formatted(m1, m2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.updated").value(1));

        // CSV: every bad line named, nothing stored; then the good file, then again without change
        String bad = """
                workflow,kpi,period_end,value,note
                %s,Hours,%s,700,fine
                %s,Nope,%s,700,
                no-such-workflow,Hours,%s,1,
                %s,Hours,yesterday,1,
                %s,Hours,%s,lots,
                %s,Hours,%s,650,again
                """.formatted(key(), TODAY.minusDays(5), key(), TODAY.minusDays(5), TODAY.minusDays(5), key(), key(),
                TODAY.minusDays(4), key(), TODAY.minusDays(5));
        mvc.perform(post("/api/v1/measurements/import").with(ADMIN).contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CSV_INVALID"))
                .andExpect(jsonPath("$.errors[*].line").value(containsInAnyOrder(3, 4, 5, 6, 7)))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].field").value(hasItem("kpi")))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field").value(hasItem("workflow")))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].reason").value(hasItem(containsString("not a date"))))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].field").value(hasItem("value")))
                .andExpect(jsonPath("$.errors[?(@.line == 7)].reason").value(hasItem(containsString("already has a line"))));
        mvc.perform(get(base).with(ADMIN)).andExpect(jsonPath("$.length()").value(2));
        String good = "workflow,kpi,period_end,value,source_system\n%s,hours,%s,700,erp\n".formatted(key(),
                TODAY.minusDays(5));
        mvc.perform(post("/api/v1/measurements/import").with(ADMIN).contentType("text/csv").content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.ignoredColumns[0]").value("source_system"));
        mvc.perform(post("/api/v1/measurements/import").with(ADMIN).contentType("text/csv").content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.created").value(0));
        mvc.perform(get(base).with(ADMIN).param("from", TODAY.minusDays(20).toString()))
                .andExpect(jsonPath("$[*].value").value(org.hamcrest.Matchers.contains(800.0, 700.0)))
                .andExpect(jsonPath("$[1].source").value("CSV"));
    }

    @Test
    void measurementsNeedTheRightRole() throws Exception {
        long outcome = id(createKpi(kpi("Hours", "BUSINESS_OUTCOME", 1000, TODAY.minusDays(75), 600, 40, null)));
        String body = "{\"periodEnd\":\"%s\",\"value\":900}".formatted(TODAY.minusDays(3));
        User viewer = TestUsers.create(users, Role.VIEWER);
        User executive = TestUsers.create(users, Role.EXECUTIVE);
        User contributor = TestUsers.create(users, Role.CONTRIBUTOR);
        User ownerUser = TestUsers.create(users, Role.OWNER);
        for (User refused : new User[] {viewer, executive}) {
            mvc.perform(post("/api/v1/kpis/" + outcome + "/measurements").with(httpBasic(refused.username(),
                    TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
        }
        for (User allowed : new User[] {contributor, ownerUser}) {
            mvc.perform(post("/api/v1/kpis/" + outcome + "/measurements").with(httpBasic(allowed.username(),
                    TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk());
        }
        // KPIs are part of the operating model: contributors record values but do not change contracts
        mvc.perform(post("/api/v1/workflows/" + key() + "/kpis").with(httpBasic(contributor.username(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(kpi("Other", "OPERATIONAL", 1, TODAY.minusDays(90), 2,
                        null, null))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/workflows/" + key() + "/kpis").with(httpBasic(viewer.username(), TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("Hours"));
    }

    @Test
    void aCiPipelineReportsDeploymentsWithAnIngestTokenAndRetriesAreRecognized() throws Exception {
        User ci = TestUsers.create(users, Role.CONTRIBUTOR);
        String token = tokens.issue(ci.id(), new NewApiToken("ci-" + suffix, Set.of("ingest"), null)).secret();
        String body = """
                {"system":"sys-%s","version":"2.4.1","time":"%sT14:03:00Z","status":"SUCCEEDED",
                 "pipelineUrl":"https://ci.example.test/runs/77"}""".formatted(suffix, TODAY.minusDays(1));
        mvc.perform(post("/api/v1/deployments").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.deployment.environment").value("production"))
                .andExpect(jsonPath("$.deployment.recordedBy").value(ci.username()));
        mvc.perform(post("/api/v1/deployments").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
        mvc.perform(post("/api/v1/deployments").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"system\":\"ghost\",\"version\":\"1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("system"));
        mvc.perform(post("/api/v1/deployments").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"system":"sys-%s","version":"9","time":"%sT00:00:00Z"}""".formatted(suffix, TODAY.plusDays(2))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("time"));
        User viewer = TestUsers.create(users, Role.VIEWER);
        mvc.perform(post("/api/v1/deployments").with(httpBasic(viewer.username(), TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/deployments").with(ADMIN).param("system", "sys-" + suffix))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].version").value("2.4.1"));
    }
}
