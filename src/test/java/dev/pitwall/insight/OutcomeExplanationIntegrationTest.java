package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.insight.statistics.ShapleyR2;
import dev.pitwall.measurement.AdoptionLevel;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.LearningStatus;
import dev.pitwall.people.NewLearningRecord;
import dev.pitwall.people.NewSkillAssessment;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What explains outcomes, on an organization built through the API: 30 intended users of one
 * workflow in two teams whose role clarity differs in a closed pulse, with skills, training and use
 * designed by hand. The decomposition the API gives is the one computed here from the same design
 * matrix; thin scopes and bad parameters are refused with the reason or the field.
 */
@PitwallIntegrationTest
class OutcomeExplanationIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    SkillAssessmentService assessments;
    @Autowired
    LearningRecordService learning;
    @Autowired
    RollupService rollups;

    /** The designed organization: the outcome and each group's factors, person by person. */
    private record Designed(String key, List<String> emails, double[] y, double[][] organizational,
            double[][] individual, double[][] technical) {
    }

    /**
     * Thirty intended users of one workflow in two teams, with designed pulse answers, skills,
     * training and use; with {@code phases}, each also has a GitHub Copilot user-day giving their AI
     * adoption phase (i mod 4), which then enters the individual group.
     */
    private Designed design(String s, boolean phases) throws Exception {
        String key = "ex-" + s;
        LocalDate today = LocalDate.now();
        long skill = JsonPath.<Number>read(send(post("/api/v1/skills"), """
                {"name":"Explaining %s","category":"AI"}""".formatted(s)), "$.id").longValue();
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"System %s\",\"kind\":\"SAAS_COPILOT\"}".formatted(key, s));
        List<String> emails = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        List<String> teams = List.of("Clear " + s, "Unclear " + s);
        for (int t = 0; t < 2; t++) {
            long teamId = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"" + teams.get(t) + "\"}"), "$.id")
                    .longValue();
            for (int i = 0; i < 15; i++) {
                String email = "p%d-%d-%s@explain.test".formatted(t, i, s);
                long id = JsonPath.<Number>read(send(post("/api/v1/people"), """
                        {"email":"%s","externalId":"gh-%d-%d-%s","name":"P %d %d","level":"PRACTITIONER",
                         "tier":"CONSUMER","teamId":%d}""".formatted(email, t, i, s, t, i, teamId)), "$.id").longValue();
                emails.add(email);
                ids.put(email, id);
            }
        }
        send(post("/api/v1/workflows"), """
                {"key":"%1$s","name":"Explained %2$s","stage":"PILOT","systems":["%1$s"],
                 "intendedUsers":{"people":[],"teams":["%3$s","%4$s"]}}""".formatted(key, s, teams.get(0), teams.get(1)));

        // The pulse: in the clear team 12 of 15 agree they know who decides, in the other 4 of 15.
        String pulse = send(post("/api/v1/insight/pulses"), """
                {"title":"Clarity %s","template":"CONFIDENCE_CHECK","population":{"workflow":"%s"},"closesOn":"%s"}"""
                .formatted(s, key, today.plusDays(7)));
        long pulseId = JsonPath.<Number>read(pulse, "$.id").longValue();
        List<Map<String, String>> links = JsonPath.read(send(post("/api/v1/insight/pulses/" + pulseId + "/links"), null), "$");
        for (Map<String, String> link : links) {
            String email = link.get("email");
            int index = emails.indexOf(email);
            boolean agrees = index < 15 ? index % 15 < 12 : index % 15 < 4;
            String token = link.get("link").substring(link.get("link").lastIndexOf('/') + 1);
            assertThat(mvc.perform(post("/pulse/" + token).with(csrf()).param("confidence", "3")
                    .param("roleClarity", agrees ? "4" : "2")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        send(post("/api/v1/insight/pulses/" + pulseId + "/close"), null);

        // Skills, training and active days designed per person.
        StringBuilder events = new StringBuilder();
        double[] y = new double[30];
        double[][] organizational = new double[30][2];
        double[][] individual = new double[30][phases ? 2 : 1];
        StringBuilder githubDays = new StringBuilder();
        double[][] technical = new double[30][1];
        for (int i = 0; i < 30; i++) {
            String email = emails.get(i);
            int level = (i * 7) % 5;
            assessments.record(new NewSkillAssessment(ids.get(email), skill, level, today.minusDays(20), "test"));
            boolean trained = i % 3 != 0;
            if (trained) {
                learning.record(new NewLearningRecord(ids.get(email), "Course " + s, null, LearningStatus.COMPLETED, null,
                        today.minusDays(25), key, "test"));
            }
            int days = (i < 15 ? 6 : 1) + level + (trained ? 4 : 0) + i % 2;
            int errors = i % 4 == 0 ? 1 : 0;
            for (int d = 0; d < days; d++) {
                events.append(("{\"id\":\"%s-%d-%d\",\"time\":\"%sT09:00:00Z\",\"person\":\"%s\",\"system\":\"%s\","
                        + "\"workflow\":\"%s\",\"operation\":\"chat\",\"outcome\":\"ACCEPTED\",\"error\":%s}\n")
                        .formatted(s, i, d, today.minusDays(d + 1), email, key, key, d < errors));
            }
            y[i] = AdoptionLevel.of(days);
            organizational[i] = new double[] {i < 15 ? 12.0 / 15 : 4.0 / 15, trained ? 1 : 0};
            individual[i] = phases ? new double[] {level, i % 4} : new double[] {level};
            githubDays.append("{\"day\":\"%s\",\"user_id\":%d,\"user_login\":\"gh-%d-%d-%s\",\"ai_adoption_phase\":{\"phase_number\":%d}}\n"
                    .formatted(today.minusDays(3), 880_000 + i, i / 15, i % 15, s, i % 4));
            // The GitHub day is AI use of the person too (outside the workflow): one more event, no error.
            technical[i] = new double[] {(double) errors / (days + (phases ? 1 : 0))};
        }
        send(post("/api/v1/usage-events").contentType("application/x-ndjson").content(events.toString()), null);
        if (phases) {
            // GitHub Copilot is an AI system of its own, in no workflow: its days change no workflow's use.
            send(post("/api/v1/ai-systems"), "{\"key\":\"gh-%s\",\"name\":\"GitHub %s\",\"kind\":\"SAAS_COPILOT\"}"
                    .formatted(key, s));
            send(post("/api/v1/imports/github-copilot?system=gh-" + key).contentType("application/x-ndjson")
                    .content(githubDays.toString()), null);
        }
        rollups.rollUpPending();
        return new Designed(key, emails, y, organizational, individual, technical);
    }

    @Test
    void theDecompositionIsTheOneOfTheDesignedDataAndThinScopesAreRefused() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        Designed designed = design(s, false);
        String key = designed.key();
        List<String> emails = designed.emails();
        double[] y = designed.y();
        double[][] organizational = designed.organizational();
        double[][] individual = designed.individual();
        double[][] technical = designed.technical();

        String explanation = send(get("/api/v1/insight/explanations?workflow=" + key), null);
        assertThat(JsonPath.<Object>read(explanation, "$.refusal")).isNull();
        assertThat(JsonPath.<Integer>read(explanation, "$.people")).isEqualTo(30);
        ShapleyR2.Result expected = ShapleyR2.decompose(y, List.of(new ShapleyR2.Group("organizational", organizational),
                new ShapleyR2.Group("individual", individual), new ShapleyR2.Group("technical", technical)),
                OutcomeExplanationService.RESAMPLES, OutcomeExplanationService.SEED);
        assertThat(JsonPath.<Number>read(explanation, "$.rSquared").doubleValue()).isCloseTo(expected.decomposition().rSquared(), within(1e-9));
        List<String> names = List.of("organizational", "individual", "technical");
        for (int j = 0; j < 3; j++) {
            String group = "$.groups[?(@.group == '" + names.get(j) + "')]";
            assertThat(first(explanation, group + ".contribution"))
                    .isCloseTo(expected.decomposition().contributions()[j], within(1e-9));
            assertThat(first(explanation, group + ".low")).isCloseTo(expected.decomposition().low()[j], within(1e-9));
            assertThat(first(explanation, group + ".high")).isCloseTo(expected.decomposition().high()[j], within(1e-9));
        }
        assertThat(JsonPath.<List<List<String>>>read(explanation, "$.groups[?(@.group == 'organizational')].factors").get(0))
                .containsExactly("team role clarity (pulse)", "trained for the workflow");
        // The shares of the explained variance add up to one.
        assertThat(JsonPath.<List<Number>>read(explanation, "$.groups[*].shareOfExplained").stream()
                .mapToDouble(Number::doubleValue).sum()).isCloseTo(1.0, within(1e-9));

        // Acceptance rate does not vary (everything accepted): refused with the reason.
        assertThat(JsonPath.<String>read(send(get("/api/v1/insight/explanations?workflow=" + key + "&outcome=acceptance_rate"),
                null), "$.refusal")).contains("the same for everyone");
        var bad = mvc.perform(get("/api/v1/insight/explanations?outcome=HAPPINESS").with(ADMIN)).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(bad.getContentAsString(), "$.errors[*].field")).containsExactly("outcome");

        // A workflow with three intended users is refused, not answered with a number.
        send(post("/api/v1/workflows"), """
                {"key":"%1$s-small","name":"Small %2$s","stage":"PILOT","systems":["%1$s"],
                 "intendedUsers":{"people":["%3$s","%4$s","%5$s"],"teams":[]}}""".formatted(key, s, emails.get(0),
                emails.get(1), emails.get(2)));
        String thin = send(get("/api/v1/insight/explanations?workflow=" + key + "-small"), null);
        assertThat(JsonPath.<String>read(thin, "$.refusal")).startsWith("too few people: 3");
        assertThat(JsonPath.<List<Object>>read(thin, "$.groups")).isEmpty();

        String page = mvc.perform(get("/insight/explain?workflow=" + key).with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-group=\"organizational\"").contains("id=\"explain-r2\"");
        String csv = mvc.perform(get("/insight/explain.csv?workflow=" + key).with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv.lines().count()).isEqualTo(4);
    }

    @Test
    void githubsAiAdoptionPhaseIsAnIndividualFactorWhereEveryoneInScopeHasOne() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Designed designed = design(s, true);
        String explanation = send(get("/api/v1/insight/explanations?workflow=" + designed.key()), null);
        assertThat(JsonPath.<Object>read(explanation, "$.refusal")).isNull();
        assertThat(JsonPath.<List<List<String>>>read(explanation, "$.groups[?(@.group == 'individual')].factors").get(0))
                .containsExactly("mean assessed skill level", "GitHub AI adoption phase (0-3)");
        ShapleyR2.Result expected = ShapleyR2.decompose(designed.y(), List.of(
                new ShapleyR2.Group("organizational", designed.organizational()),
                new ShapleyR2.Group("individual", designed.individual()),
                new ShapleyR2.Group("technical", designed.technical())),
                OutcomeExplanationService.RESAMPLES, OutcomeExplanationService.SEED);
        assertThat(JsonPath.<Number>read(explanation, "$.rSquared").doubleValue())
                .isCloseTo(expected.decomposition().rSquared(), within(1e-9));
        assertThat(first(explanation, "$.groups[?(@.group == 'individual')].contribution"))
                .isCloseTo(expected.decomposition().contributions()[1], within(1e-9));
    }

    @Test
    void aKpiMeasuredPerTeamIsExplainedWithTheTeamsAsObservations() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String key = "ext-" + s;
        LocalDate today = LocalDate.now();
        long skill = JsonPath.<Number>read(send(post("/api/v1/skills"), """
                {"name":"Team skill %s","category":"AI"}""".formatted(s)), "$.id").longValue();
        List<String> teams = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        Map<String, int[]> where = new HashMap<>();
        for (int t = 0; t < 20; t++) {
            String team = "Unit " + t + " " + s;
            teams.add(team);
            long teamId = JsonPath.<Number>read(send(post("/api/v1/teams"), "{\"name\":\"" + team + "\"}"), "$.id").longValue();
            for (int j = 0; j < 5; j++) {
                String email = "u%d-%d-%s@explain.test".formatted(t, j, s);
                ids.put(email, JsonPath.<Number>read(send(post("/api/v1/people"), """
                        {"email":"%s","name":"U %d %d","level":"PRACTITIONER","tier":"CONSUMER","teamId":%d}"""
                        .formatted(email, t, j, teamId)), "$.id").longValue());
                where.put(email, new int[] {t, j});
            }
        }
        StringBuilder teamList = new StringBuilder();
        teams.forEach(t -> teamList.append(teamList.length() == 0 ? "" : ",").append('"').append(t).append('"'));
        send(post("/api/v1/workflows"), """
                {"key":"%s","name":"Per team %s","stage":"PILOT","intendedUsers":{"people":[],"teams":[%s]}}"""
                .formatted(key, s, teamList));
        long kpi = JsonPath.<Number>read(send(post("/api/v1/workflows/" + key + "/kpis"), """
                {"name":"Throughput %s","unit":"cases","level":"BUSINESS_OUTCOME","direction":"HIGHER_IS_BETTER",
                 "cadence":"MONTHLY"}""".formatted(s)), "$.id").longValue();
        long pulseId = JsonPath.<Number>read(send(post("/api/v1/insight/pulses"), """
                {"title":"Units %s","template":"CONFIDENCE_CHECK","population":{"workflow":"%s"},"closesOn":"%s"}"""
                .formatted(s, key, today.plusDays(7))), "$.id").longValue();
        List<Map<String, String>> links = JsonPath.read(send(post("/api/v1/insight/pulses/" + pulseId + "/links"), null), "$");
        for (Map<String, String> link : links) {
            int[] at = where.get(link.get("email"));
            String token = link.get("link").substring(link.get("link").lastIndexOf('/') + 1);
            mvc.perform(post("/pulse/" + token).with(csrf()).param("confidence", "3")
                    .param("roleClarity", at[1] < at[0] % 6 ? "5" : "1"));
        }
        send(post("/api/v1/insight/pulses/" + pulseId + "/close"), null);

        double[] y = new double[20];
        double[][] organizational = new double[20][2];
        double[][] individual = new double[20][1];
        StringBuilder values = new StringBuilder("[");
        for (int t = 0; t < 20; t++) {
            int trained = Math.min(5, (t * 3) % 6);
            double skills = 0;
            for (int j = 0; j < 5; j++) {
                String email = "u%d-%d-%s@explain.test".formatted(t, j, s);
                int level = (t % 5 + j % 2) % 5;
                skills += level / 5.0;
                assessments.record(new NewSkillAssessment(ids.get(email), skill, level, today.minusDays(20), "test"));
                if (j < trained) {
                    learning.record(new NewLearningRecord(ids.get(email), "Course " + s, null, LearningStatus.COMPLETED,
                            null, today.minusDays(25), key, "test"));
                }
            }
            organizational[t] = new double[] {Math.min(5, t % 6) / 5.0, trained / 5.0};
            individual[t] = new double[] {skills};
            y[t] = 50 + 30 * organizational[t][0] + 5 * organizational[t][1] + 2 * skills + 3 * Math.sin(t);
            // An older value first: the latest by the as-of date is the one explained.
            values.append(t == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"team\":\"%s\",\"periodEnd\":\"%s\",\"value\":999},{\"team\":\"%s\",\"periodEnd\":\"%s\",\"value\":%.6f}",
                    teams.get(t), today.minusMonths(2), teams.get(t), today.minusDays(3), y[t]));
            y[t] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", y[t]));
        }
        send(post("/api/v1/kpis/" + kpi + "/team-measurements"), values.append("]").toString());

        String explanation = send(get("/api/v1/insight/explanations?outcome=KPI_PER_TEAM&kpi=" + kpi), null);
        assertThat(JsonPath.<Object>read(explanation, "$.refusal")).isNull();
        assertThat(JsonPath.<String>read(explanation, "$.unit")).isEqualTo("teams");
        assertThat(JsonPath.<Integer>read(explanation, "$.people")).isEqualTo(20);
        assertThat(JsonPath.<String>read(explanation, "$.scope")).isEqualTo(key);
        ShapleyR2.Result expected = ShapleyR2.decompose(y, List.of(new ShapleyR2.Group("organizational", organizational),
                new ShapleyR2.Group("individual", individual)), OutcomeExplanationService.RESAMPLES,
                OutcomeExplanationService.SEED);
        assertThat(JsonPath.<Number>read(explanation, "$.rSquared").doubleValue())
                .isCloseTo(expected.decomposition().rSquared(), within(1e-6));
        assertThat(first(explanation, "$.groups[?(@.group == 'organizational')].contribution"))
                .isCloseTo(expected.decomposition().contributions()[0], within(1e-6));
        assertThat(first(explanation, "$.groups[?(@.group == 'individual')].high"))
                .isCloseTo(expected.decomposition().high()[1], within(1e-6));

        var noKpi = mvc.perform(get("/api/v1/insight/explanations?outcome=KPI_PER_TEAM").with(ADMIN)).andReturn().getResponse();
        assertThat(noKpi.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(noKpi.getContentAsString(), "$.errors[*].field")).containsExactly("kpi");
        var other = mvc.perform(get("/api/v1/insight/explanations?outcome=KPI_PER_TEAM&workflow=nothing-" + s + "&kpi=" + kpi)
                .with(ADMIN)).andReturn().getResponse();
        assertThat(other.getStatus()).isEqualTo(400);
        String page = mvc.perform(get("/insight/explain?outcome=KPI_PER_TEAM&kpi=" + kpi).with(ADMIN)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-group=\"organizational\"").contains("20</span> <span>teams");
    }

    private static double first(String json, String path) {
        return JsonPath.<List<Number>>read(json, path).get(0).doubleValue();
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
