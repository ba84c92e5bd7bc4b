package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Active days and slices come from summaries the rollup writer keeps (monthly day masks, daily
 * workflow × system sums). They must equal what the daily rollups themselves give, across a month
 * boundary, with several events on one day, and after days are rebuilt.
 */
@PitwallIntegrationTest
class ActiveDaysIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    RollupService rollups;
    @Autowired
    UsageFacts facts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void activeDaysAndSlicesMatchTheRollupsAcrossAMonthAndAfterARebuild() throws Exception {
        TelemetryFixture org = new TelemetryFixture(people, teams, systems, workflows);
        String wf = "\"workflow\":\"" + org.workflow + "\"";
        String other = "\"workflow\":\"" + org.otherWorkflow + "\"";
        String body = String.join("\n",
                org.event("a", "2026-10-30T09:00:00Z", org.member.email(), wf + ",\"outcome\":\"accepted\""),
                org.event("b", "2026-10-30T15:00:00Z", org.member.email(), wf + ",\"error\":true"),
                org.event("c", "2026-10-31T09:00:00Z", org.member.email(), wf),
                org.event("d", "2026-11-01T09:00:00Z", org.member.email(), wf + ",\"outcome\":\"overridden\""),
                org.event("e", "2026-11-03T09:00:00Z", org.member.email(), wf),
                org.event("f", "2026-11-02T09:00:00Z", org.member.email(), null),
                org.event("g", "2026-11-01T09:00:00Z", org.outsider.email(), other)) + "\n";
        mvc.perform(post("/api/v1/usage-events").with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.parseMediaType("application/x-ndjson")).content(body))
                .andExpect(jsonPath("$.accepted").value(7));
        rollups.rollUpPending();

        long workflow = workflows.get(org.workflow).id();
        long otherWorkflow = workflows.get(org.otherWorkflow).id();
        long member = org.member.id();
        List<Long> both = List.of(workflow, otherWorkflow);
        LocalDate oct30 = LocalDate.of(2026, 10, 30);
        LocalDate nov3 = LocalDate.of(2026, 11, 3);

        assertThat(facts.activeDays(both, oct30, nov3)).isEqualTo(Map.of(
                workflow, Map.of(member, 4), otherWorkflow, Map.of(org.outsider.id(), 1)));
        assertThat(facts.activeDays(List.of(workflow), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 2)))
                .isEqualTo(Map.of(workflow, Map.of(member, 2)));
        assertThat(facts.activeDays(List.of(workflow), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2))).isEmpty();
        for (LocalDate from = oct30; !from.isAfter(nov3); from = from.plusDays(1)) {
            assertThat(facts.activeDays(both, from, nov3)).as("from " + from).isEqualTo(fromRollups(both, from, nov3));
        }

        long system = systems.get(org.system).id();
        UsageFacts.Slice slice = facts.slices(oct30, nov3, List.of(system), List.of(workflow)).stream()
                .filter(s -> s.workflowId() == workflow).findFirst().orElseThrow();
        assertThat(slice.events()).isEqualTo(5);
        assertThat(slice.errors()).isEqualTo(1);
        assertThat(slice.accepted()).isEqualTo(1);
        assertThat(slice.overridden()).isEqualTo(1);

        rollups.rebuild(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1));
        assertThat(facts.activeDays(both, oct30, nov3)).isEqualTo(fromRollups(both, oct30, nov3));
        assertThat(facts.slices(oct30, nov3, List.of(system), List.of(workflow)).stream()
                .filter(s -> s.workflowId() == workflow).mapToLong(UsageFacts.Slice::events).sum()).isEqualTo(5);
    }

    @Autowired
    UsageEventIngestion ingestion;

    /**
     * 4,000 events of 40 people on two workflows over four months, rolled up in four batches (the
     * summaries are merged into, not only written), then some days rebuilt: the active days of every
     * window tried are those the daily rollups give.
     */
    @Test
    void activeDaysOfManyPeopleStayThoseOfTheRollupsAsBatchesArriveAndDaysAreRebuilt() {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        List<String> persons = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            persons.add(people.create(new dev.pitwall.people.PersonDraft("p" + i + "-" + fx.suffix + "@telemetry.test",
                    "ext-" + i + "-" + fx.suffix, "Person " + i, null, fx.team.id(), null, dev.pitwall.people.Level.PRACTITIONER,
                    dev.pitwall.people.Tier.CONSUMER, true)).email());
        }
        persons.add("anon-" + fx.suffix);
        String[] workflowKeys = {fx.workflow, fx.otherWorkflow, null};
        java.util.Random random = new java.util.Random(5);
        List<IncomingEvent> events = new java.util.ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 20);
        for (int i = 0; i < 4_000; i++) {
            java.time.Instant time = first.plusDays(random.nextInt(100)).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant().plusSeconds(random.nextInt(86_400));
            events.add(new IncomingEvent(i + 1, "ad-" + fx.suffix + "-" + i, time, persons.get(random.nextInt(persons.size())),
                    fx.system, null, workflowKeys[random.nextInt(workflowKeys.length)], "chat", null, null, null, null,
                    null, false, Outcome.ACCEPTED, null));
        }
        List<Long> both = List.of(workflows.get(fx.workflow).id(), workflows.get(fx.otherWorkflow).id());
        List<LocalDate[]> windows = List.of(
                new LocalDate[] {LocalDate.of(2024, 1, 20), LocalDate.of(2024, 2, 16)},
                new LocalDate[] {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)},
                new LocalDate[] {LocalDate.of(2024, 2, 20), LocalDate.of(2024, 3, 18)},
                new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30)},
                new LocalDate[] {LocalDate.of(2024, 3, 31), LocalDate.of(2024, 3, 31)},
                new LocalDate[] {LocalDate.of(2024, 4, 10), LocalDate.of(2024, 5, 7)});
        for (int part = 0; part < 4; part++) {
            ingestion.ingest(TelemetrySource.OTLP, new ParsedBatch(events.subList(part * 1_000, (part + 1) * 1_000),
                    List.of(), 0), false, "test");
            rollups.rollUpPending();
            for (LocalDate[] w : windows) {
                assertThat(facts.activeDays(both, w[0], w[1])).as("after batch %d, %s..%s", part + 1, w[0], w[1])
                        .isEqualTo(fromRollups(both, w[0], w[1]));
            }
        }
        assertThat(facts.activeDays(both, windows.get(0)[0], windows.get(0)[1]).get(both.get(0))).hasSizeGreaterThan(30);

        // The packs of the months rebuilt are written anew from the active months (lost ones too).
        jdbc.sql("DELETE FROM telemetry_active_pack WHERE month_index IN (24289, 24290)").update();
        rollups.rebuild(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 3, 5));
        for (LocalDate[] w : windows) {
            assertThat(facts.activeDays(both, w[0], w[1])).as("after a rebuild, %s..%s", w[0], w[1])
                    .isEqualTo(fromRollups(both, w[0], w[1]));
        }
    }

    /** The same figure counted straight from the daily rollups: the definition the summaries must keep. */
    private Map<Long, Map<Long, Integer>> fromRollups(List<Long> workflowIds, LocalDate from, LocalDate to) {
        Map<Long, Map<Long, Integer>> days = new HashMap<>();
        jdbc.sql("""
                SELECT workflow_id, person_id, COUNT(DISTINCT event_day) FROM telemetry_daily_rollup
                WHERE workflow_id IN (:workflows) AND person_id > 0 AND event_day BETWEEN :from AND :to
                GROUP BY workflow_id, person_id
                """).param("workflows", workflowIds).param("from", from).param("to", to)
                .query(rs -> {
                    days.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                });
        return days;
    }
}
