package dev.pitwall.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.DatabaseAvailability;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Starting with the demo profile on an empty database generates Northwind Freight. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class DemoOrganizationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    AuditLog auditLog;
    @Autowired
    DemoOrganization demo;

    @Test
    void theApiListsOverAThousandPeopleInTwelveTeams() throws Exception {
        mvc.perform(get("/api/v1/people").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(greaterThan(1_000)));
        mvc.perform(get("/api/v1/teams").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.length()").value(12));
        mvc.perform(get("/api/v1/learning-records").param("workflow", "email-triage").with(httpBasic("viewer", "demo")))
                .andExpect(jsonPath("$.totalElements").value(greaterThan(100)));
    }

    @Test
    void theBuildersGitHubTeamsAndAdoptionPhasesAreThere() throws Exception {
        String teams = mvc.perform(get("/api/v1/github-copilot/teams").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // GitHub teams named as Pitwall teams are those teams; the cross-team guild is listed as unknown.
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(teams, "$.teams[?(@.slug == 'data-ai')].teamName"))
                .containsExactly("Data & AI");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(teams, "$.unknownTeams")).containsExactly("platform-guild");
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(teams, "$.githubUsers")).isGreaterThan(20);
        String cohorts = mvc.perform(get("/api/v1/scorecards/workflows/policy-qa/adoption-phases")
                .with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Boolean>read(cohorts, "$.classified")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"admin,ADMIN", "exec,EXECUTIVE", "owner,OWNER", "contributor,CONTRIBUTOR", "viewer,VIEWER"})
    void eachDemoUserSignsInWithTheWordDemo(String username, String role) throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.role").value(role));
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** Distinct active days in the 28 days ending today, per intended user of a workflow, as adoption levels. */
    private double adoptionDepth(String workflow, int intendedUsers) {
        LocalDate today = LocalDate.now(clock);
        List<Long> days = jdbc.sql("""
                SELECT COUNT(DISTINCT r.event_day) FROM telemetry_daily_rollup r
                JOIN portfolio_workflow w ON w.id = r.workflow_id
                WHERE w.workflow_key = ? AND r.event_day BETWEEN ? AND ? AND r.person_id > 0 GROUP BY r.person_id
                """).params(workflow, today.minusDays(27), today).query(Long.class).list();
        double levels = days.stream().mapToInt(d -> d == 1 ? 1 : d <= 7 ? 2 : d <= 15 ? 3 : 4).sum();
        return levels / 4 / intendedUsers;
    }

    @Test
    void ninetyDaysOfTelemetryTellTheDemoStories() {
        LocalDate today = LocalDate.now(clock);
        long events = jdbc.sql("SELECT COUNT(*) FROM telemetry_usage_event").query(Long.class).single();
        assertThat(events).isBetween(200_000L, 400_000L);
        // People work on weekdays: the first day with events is the first weekday of the 90 days.
        assertThat(jdbc.sql("SELECT MIN(event_day) FROM telemetry_usage_event").query(LocalDate.class).single())
                .isBetween(today.minusDays(89), today.minusDays(87));
        assertThat(jdbc.sql("SELECT DISTINCT source FROM telemetry_batch").query(String.class).list())
                .contains("OTLP", "NATIVE", "M365_COPILOT", "GITHUB_COPILOT", "OTLP_EVALUATION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_batch WHERE rolled_up = FALSE").query(Long.class).single())
                .isZero();

        // About a third of AI users misaligned: more than half of their events tied to no workflow.
        List<long[]> users = jdbc.sql("""
                SELECT SUM(events), SUM(CASE WHEN workflow_id = 0 THEN events ELSE 0 END) FROM telemetry_daily_rollup
                WHERE event_day BETWEEN ? AND ? AND person_id > 0 GROUP BY person_id
                """).params(today.minusDays(27), today).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        double misaligned = users.stream().filter(u -> u[1] * 2 > u[0]).count() / (double) users.size();
        assertThat(misaligned).isBetween(0.28, 0.40);

        // Invoice exceptions: about 80 clerks, shallow adoption; email triage: deep.
        assertThat(adoptionDepth("invoice-exceptions", 80)).isBetween(0.12, 0.30);
        assertThat(adoptionDepth("email-triage", 209)).isGreaterThanOrEqualTo(0.6);

        // The claims assistant after its model update three weeks ago: lower scores, more overrides.
        Double before = jdbc.sql("""
                SELECT AVG(v.score_value) FROM telemetry_evaluation v JOIN portfolio_workflow w ON w.id = v.workflow_id
                WHERE w.workflow_key = 'claims-assistant' AND v.event_day < ?""").param(today.minusDays(21))
                .query(Double.class).single();
        Double after = jdbc.sql("""
                SELECT AVG(v.score_value) FROM telemetry_evaluation v JOIN portfolio_workflow w ON w.id = v.workflow_id
                WHERE w.workflow_key = 'claims-assistant' AND v.event_day >= ?""").param(today.minusDays(21))
                .query(Double.class).single();
        assertThat(before - after).isGreaterThan(0.1);
        Double invoiceQuality = jdbc.sql("""
                SELECT AVG(v.score_value) FROM telemetry_evaluation v JOIN portfolio_ai_system s ON s.id = v.system_id
                WHERE s.system_key = 'invoiceiq'""").query(Double.class).single();
        assertThat(invoiceQuality).isGreaterThan(0.98);
    }

    /**
     * The organization's value-capture waterfall is the sum of its production workflows' own
     * waterfalls, today and at a past as-of date, and the board question quotes the scorecard.
     */
    @ParameterizedTest
    @CsvSource({"0", "30"})
    void theOrganizationWaterfallIsTheSumOfItsProductionWorkflowsWaterfalls(int daysAgo) throws Exception {
        var admin = httpBasic("admin", "demo");
        LocalDate asOf = LocalDate.now(clock).minusDays(daysAgo);
        String answer = mvc.perform(get("/api/v1/scorecards/organization/value-capture").param("asOf", asOf.toString())
                .with(admin)).andReturn().getResponse().getContentAsString();
        var json = com.jayway.jsonpath.JsonPath.parse(answer);
        List<String> summed = json.read("$.waterfall.workflows");
        java.util.Map<String, Object> leftOut = json.read("$.waterfall.leftOut");
        String ranking = mvc.perform(get("/api/v1/scorecards/organization").param("asOf", asOf.toString()).with(admin))
                .andReturn().getResponse().getContentAsString();
        List<String> production = com.jayway.jsonpath.JsonPath.read(ranking,
                "$.workflows[?(@.stage == 'PRODUCTION')].workflowKey");
        assertThat(summed).isNotEmpty();
        java.util.Set<String> covered = new java.util.HashSet<>(summed);
        covered.addAll(leftOut.keySet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(production);
        for (String step : List.of("potential", "lostToAdoption", "lostToQuality", "expected", "operatingModelResidual",
                "realized")) {
            double byHand = 0;
            for (String key : summed) {
                String card = mvc.perform(get("/api/v1/scorecards/workflows/" + key).param("asOf", asOf.toString())
                        .with(admin)).andReturn().getResponse().getContentAsString();
                byHand += com.jayway.jsonpath.JsonPath.<List<Number>>read(card,
                        "$.waterfall[?(@.id == '" + step + "')].value").get(0).doubleValue();
            }
            double total = json.<List<Number>>read("$.waterfall.steps[?(@.figure.id == '" + step + "')].figure.value")
                    .get(0).doubleValue();
            assertThat(total).as(step).isCloseTo(byHand, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, byHand)));
        }
        // Most value is lost to adoption (DEMO.md, Board), and the words say so with the workforce's share of spend.
        assertThat(json.<String>read("$.waterfall.largestLoss")).isEqualTo("lostToAdoption");
        double share = com.jayway.jsonpath.JsonPath.<List<Number>>read(ranking,
                "$.figures[?(@.id == 'workforceSpendShare')].value").get(0).doubleValue();
        assertThat(json.<String>read("$.boardQuestion")).startsWith("Workforce gets "
                + String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share)).contains("lost to adoption");
        if (daysAgo == 0) {
            String home = mvc.perform(get("/").with(admin)).andReturn().getResponse().getContentAsString();
            assertThat(home).contains("id=\"board-question\"").contains("data-step=\"lostToAdoption\"");
        }
    }

    /** A scorecard compared with the previous month: both dates' values are those of the scorecards at both dates. */
    @ParameterizedTest
    @CsvSource({"/scorecards/figures.csv, /api/v1/scorecards/organization",
            "/scorecards/workflows/invoice-exceptions/figures.csv, /api/v1/scorecards/workflows/invoice-exceptions"})
    void aComparisonWithThePreviousMonthShowsTheScorecardsOfBothDates(String csvPath, String apiPath) throws Exception {
        var admin = httpBasic("admin", "demo");
        LocalDate today = LocalDate.now(clock);
        String now = mvc.perform(get(apiPath).with(admin)).andReturn().getResponse().getContentAsString();
        String then = mvc.perform(get(apiPath).param("asOf", today.minusMonths(1).toString()).with(admin)).andReturn()
                .getResponse().getContentAsString();
        String csv = mvc.perform(get(csvPath).param("compare", "previous-month").with(admin)).andReturn().getResponse()
                .getContentAsString();
        var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertThat(records).isNotEmpty();
        int compared = 0;
        for (var r : records) {
            if (!com.jayway.jsonpath.JsonPath.<List<Object>>read(now, "$.figures[?(@.id == '" + r.get("id") + "')]").isEmpty()) {
                Object valueNow = com.jayway.jsonpath.JsonPath.<List<Object>>read(now, "$.figures[?(@.id == '" + r.get("id")
                        + "')].value").get(0);
                Object valueThen = com.jayway.jsonpath.JsonPath.<List<Object>>read(then, "$.figures[?(@.id == '" + r.get("id")
                        + "')].value").get(0);
                assertThat(r.get("compareAsOf")).isEqualTo(today.minusMonths(1).toString());
                assertThat(r.get("value").isEmpty() ? null : Double.valueOf(r.get("value")))
                        .isEqualTo(valueNow == null ? null : ((Number) valueNow).doubleValue());
                assertThat(r.get("compareValue").isEmpty() ? null : Double.valueOf(r.get("compareValue"))).as(r.get("id"))
                        .isEqualTo(valueThen == null ? null : ((Number) valueThen).doubleValue());
                if (valueNow != null && valueThen != null) {
                    assertThat(Double.parseDouble(r.get("change"))).isCloseTo(((Number) valueNow).doubleValue()
                            - ((Number) valueThen).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
        String page = mvc.perform(get(csvPath.replace("/figures.csv", "").replace("/scorecards", "/scorecards"))
                .param("compare", "previous-month").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("since " + today.minusMonths(1)).contains("figure-change")
                .containsPattern("value=\"previous-month\"[^>]*selected");
        var refused = mvc.perform(get(csvPath).param("compare", "last-year").with(admin)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("compare");
    }

    @Test
    void emailTriagePassedADrillLastMonthAndHiringScreeningWasNeverDrilled() throws Exception {
        String schedule = mvc.perform(get("/api/v1/drills/schedule").with(httpBasic("admin", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(schedule,
                "$[?(@.workflowKey == 'email-triage')].lastPassed")).containsExactly(
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30).toString());
        assertThat(com.jayway.jsonpath.JsonPath.<List<Object>>read(schedule,
                "$[?(@.workflowKey == 'hiring-screening')].lastPassed")).containsExactly((Object) null);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Boolean>>read(schedule,
                "$[?(@.workflowKey == 'hiring-screening')].overdue")).containsExactly(true);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Boolean>>read(schedule,
                "$[?(@.workflowKey == 'hiring-screening')].fallbackDeclared")).containsExactly(true);
    }

    @Test
    void damageDetectionsReviewIsOverdueAndEveryOtherLiveWorkflowWasReviewed() throws Exception {
        var admin = httpBasic("admin", "demo");
        String schedule = mvc.perform(get("/api/v1/operating-reviews/schedule").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(schedule, "$[?(@.failsGate == true)].workflowKey"))
                .containsExactly("damage-detection");
        assertThat(com.jayway.jsonpath.JsonPath.<List<Integer>>read(schedule,
                "$[?(@.workflowKey == 'damage-detection')].everyMonths")).containsExactly(1);
        // Last reviewed 50 days ago, monthly: overdue since a month after that review, and nothing else is.
        LocalDate today = LocalDate.now(clock);
        long overdue = java.time.temporal.ChronoUnit.DAYS.between(today.minusDays(50).plusMonths(1), today);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Integer>>read(schedule, "$[?(@.daysOverdue > 0)].daysOverdue"))
                .containsExactly((int) overdue);
        mvc.perform(get("/api/v1/workflows/damage-detection/gate").with(admin))
                .andExpect(jsonPath("$.checks[?(@.id == 'operating-review')].passed").value(org.hamcrest.Matchers.hasItem(false)));
        mvc.perform(get("/api/v1/workflows/email-triage/gate").with(admin))
                .andExpect(jsonPath("$.checks[?(@.id == 'operating-review')].passed").value(org.hamcrest.Matchers.hasItem(true)));
    }

    @Test
    void theClaimsAssistantsQualityIncidentWasEscalatedOnceAcknowledgedAndMitigatedByARollback() throws Exception {
        var admin = httpBasic("admin", "demo");
        String incidents = mvc.perform(get("/api/v1/incidents").param("workflow", "claims-assistant").with(admin))
                .andReturn().getResponse().getContentAsString();
        List<Number> quality = com.jayway.jsonpath.JsonPath.read(incidents, "$[?(@.title =~ /Quality below target.*/)].id");
        assertThat(quality).hasSize(1);
        String incident = mvc.perform(get("/api/v1/incidents/" + quality.get(0)).with(admin)).andReturn().getResponse()
                .getContentAsString();
        var json = com.jayway.jsonpath.JsonPath.parse(incident);
        assertThat(json.<String>read("$.incident.severity")).isEqualTo("SEV2");
        assertThat(json.<String>read("$.incident.status")).isEqualTo("MITIGATED");
        assertThat(json.<Integer>read("$.incident.escalations")).isEqualTo(1);
        String qualityMonitor = jdbc.sql("""
                SELECT p.email FROM portfolio_decision_right r JOIN people_person p ON p.id = r.person_id
                JOIN portfolio_workflow w ON w.id = r.workflow_id
                WHERE w.workflow_key = 'claims-assistant' AND r.decision_right = 'QUALITY_MONITOR'""").query(String.class).single();
        assertThat(json.<String>read("$.incident.acknowledgedBy")).isEqualTo(qualityMonitor);
        // The rollback deployment is on the timeline (deployments are timed to the second, so within the
        // demo's single minute it may sort before the acknowledgement).
        assertThat(json.<List<String>>read("$.timeline[*].kind")).containsSubsequence("OPENED", "ESCALATED", "ACKNOWLEDGED",
                "MITIGATED").contains("DEPLOYMENT");
        assertThat(json.<List<String>>read("$.timeline[?(@.kind == 'DEPLOYMENT')].detail"))
                .anySatisfy(d -> assertThat(d).contains("(rollback)"));
    }

    @Test
    void claimsAboveTheLimitAndEveryHiringRecommendationWaitForAPersonsReview() throws Exception {
        String inbox = mvc.perform(get("/api/v1/me/review-items").with(httpBasic("reviewer", "demo"))).andReturn()
                .getResponse().getContentAsString();
        List<String> workflowsInInbox = com.jayway.jsonpath.JsonPath.read(inbox, "$[*].workflowKey");
        assertThat(workflowsInInbox).hasSize(14).containsOnly("claims-assistant");
        assertThat(com.jayway.jsonpath.JsonPath.<List<Integer>>read(inbox, "$[*].attributes.amount"))
                .allSatisfy(amount -> assertThat(amount).isGreaterThan(1000));
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(inbox, "$[*].assigneeRight")).containsOnly("OUTPUT_APPROVER");
        // The claims handlers share the queue: items spread over them by load, every one in the reviewer's inbox.
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(inbox, "$[*].assigneeRole")).containsOnly("claims handler");
        assertThat(new java.util.HashSet<>(com.jayway.jsonpath.JsonPath.<List<String>>read(inbox, "$[*].assigneeName")))
                .hasSize(14);
        // Three came in this morning, missed the 4-hour deadline and went to the escalation contact.
        List<Integer> breaches = jdbc.sql("""
                SELECT i.breaches FROM review_item i JOIN portfolio_workflow w ON w.id = i.workflow_id
                WHERE w.workflow_key = 'claims-assistant' AND i.assignee_right = 'ESCALATION_CONTACT'""")
                .query(Integer.class).list();
        assertThat(breaches).containsExactly(1, 1, 1);
        Integer hiring = jdbc.sql("""
                SELECT COUNT(*) FROM review_item i JOIN portfolio_workflow w ON w.id = i.workflow_id
                WHERE w.workflow_key = 'hiring-screening' AND i.status = 'PENDING'""").query(Integer.class).single();
        assertThat(hiring).isEqualTo(6);
        mvc.perform(get("/api/v1/workflows/hiring-screening/review-policy").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.rules[0].always").value(true));
    }

    @Test
    void insightFindsInvoiceExceptionsEffectRealButSmallRoutePlanningsInconclusiveAndWhereToActFirst() throws Exception {
        var admin = httpBasic("admin", "demo");
        String effects = mvc.perform(get("/api/v1/insight/effects").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(effects,
                "$.workflows[?(@.workflowKey == 'invoice-exceptions')].kpis[0].verdict")).containsExactly("DISTINGUISHABLE");
        // Real but small: a sixth of what the target promises ((6,400 − 2,400) × 38 EUR a month).
        List<Double> money = com.jayway.jsonpath.JsonPath.read(effects,
                "$.workflows[?(@.workflowKey == 'invoice-exceptions')].kpis[0].money.estimate");
        assertThat(money.get(0)).isPositive().isLessThan(0.25 * 4000 * 38);
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(effects,
                "$.workflows[?(@.workflowKey == 'route-planning')].kpis[0].verdict")).containsExactly("NOT_YET_DISTINGUISHABLE");
        String redesign = mvc.perform(get("/api/v1/insight/redesign").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(redesign, "$.candidates[0].workflowKey")).isEqualTo("load-consolidation");
        String gaps = mvc.perform(get("/api/v1/insight/skill-gaps").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(gaps, "$.fundNext[0].skillName")).isEqualTo("Evaluating AI output");
        // The latest pulse, about 600 answers: executives about 62 % confident, line managers about 45 %.
        String divide = mvc.perform(get("/api/v1/insight/confidence-divide").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(divide, "$.pulses[-1].answers")).isBetween(550, 650);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Number>>read(divide,
                "$.pulses[-1].levels[?(@.level == 'EXECUTIVE')].agreeingShare").get(0).doubleValue()).isBetween(0.57, 0.67);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Number>>read(divide,
                "$.pulses[-1].levels[?(@.level == 'MANAGER')].agreeingShare").get(0).doubleValue()).isBetween(0.40, 0.50);
        // Organizational factors explain most of the explained variance in adoption.
        String explained = mvc.perform(get("/api/v1/insight/explanations").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Object>read(explained, "$.refusal")).isNull();
        assertThat(com.jayway.jsonpath.JsonPath.<List<Number>>read(explained,
                "$.groups[?(@.group == 'organizational')].shareOfExplained").get(0).doubleValue()).isGreaterThan(0.5);
    }

    @Test
    void theBoardPageOpensOnVerifiablePacks() throws Exception {
        var admin = httpBasic("admin", "demo");
        String list = mvc.perform(get("/api/v1/board-packs").with(admin)).andReturn().getResponse().getContentAsString();
        // The latest quarter that ended and the two latest months.
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(list, "$[*].cadence"))
                .containsExactlyInAnyOrder("QUARTERLY", "MONTHLY", "MONTHLY");
        long latestMonth = com.jayway.jsonpath.JsonPath.<List<Number>>read(list, "$[?(@.cadence == 'MONTHLY')].id").get(0)
                .longValue();
        String pack = mvc.perform(get("/api/v1/board-packs/" + latestMonth).with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Object>read(pack, "$.previousPackId")).isNotNull();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(pack, "$.content.boardQuestion")).startsWith("Workforce gets");
        String verified = mvc.perform(get("/api/v1/board-packs/" + latestMonth + "/verification").with(admin)).andReturn()
                .getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Boolean>read(verified, "$.contentIntact")).isTrue();
        // Reproduced, or every difference explained by a change recorded since (other tests share this database).
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(verified, "$.differences[*].reason"))
                .doesNotContain("UNEXPLAINED", "STORED_CONTENT_ALTERED");
    }

    @Test
    void generationIsAuditedAndNotRepeatedOnRestart() {
        long before = people.search(PersonQuery.everyone(), PersonSort.NAME, new PageQuery(0, 1)).totalElements();
        demo.run(new DefaultApplicationArguments());
        assertThat(people.search(PersonQuery.everyone(), PersonSort.NAME, new PageQuery(0, 1)).totalElements())
                .isEqualTo(before);
        var verification = auditLog.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entriesChecked()).isGreaterThan(before);
    }

    @Test
    void everyWorkflowIsClassifiedAndHiringScreeningIsHighRiskWithMissingControlsBlockingIt() throws Exception {
        var admin = httpBasic("admin", "demo");
        mvc.perform(get("/api/v1/governance/matrix").with(admin))
                .andExpect(jsonPath("$.workflows.length()").value(14))
                .andExpect(jsonPath("$.workflows[?(@.tier == null)]").isEmpty());
        mvc.perform(get("/api/v1/workflows/hiring-screening/risk-classification").with(admin))
                .andExpect(jsonPath("$.euCategory").value("HIGH_RISK"))
                .andExpect(jsonPath("$.annexIiiPoints[0]").value("4(a)"));
        mvc.perform(get("/api/v1/workflows/hiring-screening/gate").with(admin))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].reasons[*]").value(org.hamcrest.Matchers.hasItem(
                        "control 'Human oversight' (human-oversight) is planned")));
        mvc.perform(get("/api/v1/workflows/email-triage/gate").with(admin))
                .andExpect(jsonPath("$.checks[?(@.id == 'governance')].passed").value(org.hamcrest.Matchers.hasItem(true)));
        List<String> statuses = jdbc.sql("SELECT DISTINCT status FROM governance_implementation").query(String.class).list();
        assertThat(statuses).contains("PLANNED", "IMPLEMENTED", "VERIFIED");
        mvc.perform(get("/api/v1/workflows/hiring-screening/controls").with(admin))
                .andExpect(jsonPath("$[?(@.status == 'MISSING')]").isNotEmpty());
        Integer expiringSoon = jdbc.sql("SELECT COUNT(*) FROM governance_implementation WHERE expires_on <= ?")
                .param(LocalDate.now(clock).plusDays(14)).query(Integer.class).single();
        assertThat(expiringSoon).isEqualTo(2);
        // The home page says the same: 11 of 14 workflows miss a required control, two pieces of evidence expire soon.
        String home = mvc.perform(get("/").with(admin).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"home-governance-gaps\">11 of 14<")
                .contains("data-expiring=\"invoice-exceptions/monitoring\"")
                .contains("data-expiring=\"claims-assistant/logging\"");
    }
}
