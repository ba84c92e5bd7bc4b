package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each person's activity in a window (what alignment reads) comes from the person months; it must
 * be exactly what the daily rollups say, for windows within a month, across two, across four, of
 * one day, on 29 February, and after rollups of some days were rebuilt.
 */
@PitwallIntegrationTest
class PersonMonthsIntegrationTest {

    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    AiSystemService systems;
    @Autowired
    WorkflowService workflows;
    @Autowired
    UsageEventIngestion ingestion;
    @Autowired
    RollupService rollups;
    @Autowired
    UsageFacts facts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void activityInAWindowIsWhatTheDailyRollupsSay() {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        Random random = new Random(42);
        List<IncomingEvent> events = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 10);
        String[] persons = {fx.member.email(), fx.outsider.email(), "anon-1-" + fx.suffix, "anon-2-" + fx.suffix, null};
        String[] workflowKeys = {fx.workflow, fx.otherWorkflow, null};
        for (int i = 0; i < 3_000; i++) {
            Instant time = first.plusDays(random.nextInt(110)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(random.nextInt(86_400));
            events.add(new IncomingEvent(i + 1, "pm-" + fx.suffix + "-" + i, time, persons[random.nextInt(persons.length)],
                    fx.system, null, workflowKeys[random.nextInt(workflowKeys.length)], "chat", null, null, null, null,
                    null, false, Outcome.ACCEPTED, null));
        }
        // Three batches rolled up one after another: the summaries are added to, not only written.
        for (int part = 0; part < 3; part++) {
            ingestion.ingest(TelemetrySource.OTLP, new ParsedBatch(events.subList(part * 1_000, (part + 1) * 1_000),
                    List.of(), 0), false, "test");
            rollups.rollUpPending();
        }
        long workflow = workflows.get(fx.workflow).id();
        long otherWorkflow = workflows.get(fx.otherWorkflow).id();
        // Fewer aligned workflows than others (their events are read), more (the others' are read
        // and subtracted from the totals), all, none, and one without events.
        List<Set<Long>> alignedSets = List.of(Set.of(workflow), Set.of(workflow, otherWorkflow), Set.of(),
                Set.of(workflow, otherWorkflow, 0L), Set.of(otherWorkflow, 999_999L));
        for (Set<Long> aligned : alignedSets) {
            assertWindowsMatch(windowsOf(), aligned, "");
        }
        Set<Long> aligned = Set.of(workflow);

        List<LocalDate[]> windows = windowsOf();
        assertThat(activity(LocalDate.parse("2024-01-20"), LocalDate.parse("2024-02-16"), aligned)).isNotEmpty();

        // Rebuilt rollups (as after re-attribution) keep the person months in step.
        // The totals of the months rebuilt are written anew (lost ones too).
        jdbc.sql("DELETE FROM telemetry_person_month_total WHERE month_index IN (24289, 24290)").update();
        rollups.lockForRebuild();
        rollups.rebuild(LocalDate.parse("2024-02-10"), LocalDate.parse("2024-03-05"));
        for (Set<Long> set : alignedSets) {
            assertWindowsMatch(windows, set, "after a rebuild, ");
        }
    }

    private void assertWindowsMatch(List<LocalDate[]> windows, Set<Long> aligned, String when) {
        for (LocalDate[] w : windows) {
            assertThat(activity(w[0], w[1], aligned)).as("%s%s..%s, aligned %s", when, w[0], w[1], aligned)
                    .isEqualTo(fromDailyRollups(w[0], w[1], aligned));
        }
    }

    private static List<LocalDate[]> windowsOf() {
        return List.of(
                window("2024-01-20", "2024-02-16"), window("2024-02-01", "2024-02-29"), window("2024-02-15", "2024-03-13"),
                window("2024-01-01", "2024-04-30"), window("2024-02-29", "2024-02-29"), window("2024-03-31", "2024-03-31"),
                window("2023-12-05", "2024-01-12"), window("2024-04-20", "2024-05-31"), window("2024-03-01", "2024-02-28"));
    }

    private static LocalDate[] window(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private Set<String> activity(LocalDate from, LocalDate to, Set<Long> aligned) {
        Set<String> rows = new TreeSet<>();
        facts.personActivity(from, to, aligned).forEach(a -> rows.add(a.personId() + "/" + a.personRef() + ": "
                + a.events() + " events, " + a.eventsInWorkflows() + " aligned"));
        return rows;
    }

    private Set<String> fromDailyRollups(LocalDate from, LocalDate to, Set<Long> aligned) {
        Set<String> rows = new TreeSet<>();
        jdbc.sql("""
                SELECT person_id, person_ref, SUM(events), SUM(CASE WHEN workflow_id IN (:aligned) THEN events ELSE 0 END)
                FROM telemetry_daily_rollup WHERE event_day BETWEEN :from AND :to AND (person_id > 0 OR person_ref <> '')
                GROUP BY person_id, person_ref
                """).param("aligned", aligned.isEmpty() ? List.of(-1L) : aligned).param("from", from).param("to", to)
                .query((rs, n) -> rows.add((rs.getLong(1) > 0 ? Long.valueOf(rs.getLong(1)) : null) + "/"
                        + (rs.getLong(1) > 0 ? null : rs.getString(2)) + ": " + rs.getLong(3) + " events, "
                        + rs.getLong(4) + " aligned"))
                .list();
        return rows;
    }
}
