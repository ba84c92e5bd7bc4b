package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The latency percentile monitors read from raw events of a window of instants: only events that
 * occurred in [from, to) count — also when the window starts and ends inside a day, and across the
 * end of a month (two partitions on PostgreSQL).
 */
@PitwallIntegrationTest
class UsageSignalsIntegrationTest {

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
    UsageSignals signals;

    @Test
    void latencyCountsTheEventsOfTheWindowOnly() {
        TelemetryFixture fx = new TelemetryFixture(people, teams, systems, workflows);
        List<IncomingEvent> events = new ArrayList<>();
        // Event i at 2026-09-30T10:00Z + i half-hours, taking 100 × (i + 1) ms: 40 events, the last at
        // 2026-10-01T05:30Z.
        for (int i = 0; i < 40; i++) {
            events.add(event(fx, i, Instant.parse("2026-09-30T10:00:00Z").plusSeconds(1800L * i), 100L * (i + 1)));
        }
        ingestion.ingest(TelemetrySource.OTLP, new ParsedBatch(events, List.of(), 0), false, "test");
        long workflow = workflows.get(fx.workflow).id();

        UsageSignals.Latency all = signals.latency(UsageSignals.Target.workflow(workflow),
                Instant.parse("2026-09-30T00:00:00Z"), Instant.parse("2026-10-02T00:00:00Z"));
        assertThat(all.timedEvents()).isEqualTo(40);
        // From 2026-09-30T18:00Z (i = 16) to 2026-10-01T01:00Z (i = 30, excluded), across the month's end:
        // i = 16 … 29, 1,700 … 3,000 ms; the continuous 95th percentile of 14 values lies 0.35 of the way
        // from the 13th (2,900) to the 14th (3,000).
        UsageSignals.Latency window = signals.latency(UsageSignals.Target.workflow(workflow),
                Instant.parse("2026-09-30T18:00:00Z"), Instant.parse("2026-10-01T01:00:00Z"));
        assertThat(window.timedEvents()).isEqualTo(14);
        assertThat(window.p95()).isCloseTo(2_935.0, org.assertj.core.data.Offset.offset(1e-6));
        // Within one day, after the last event: none.
        UsageSignals.Latency none = signals.latency(UsageSignals.Target.workflow(workflow),
                Instant.parse("2026-10-01T06:00:00Z"), Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(none.timedEvents()).isZero();
        assertThat(none.p95()).isNull();

        // Day by day (UTC days): 2026-09-30 holds i = 0 … 27 (100 … 2,800 ms), 2026-10-01 i = 28 … 39
        // (2,900 … 4,000 ms); the AI system sees the same events.
        Percentile p95 = new Percentile(95).withEstimationType(Percentile.EstimationType.R_7);
        java.util.Map<LocalDate, UsageSignals.Latency> daily = signals.dailyLatency(
                UsageSignals.Target.workflow(workflow), LocalDate.parse("2026-09-29"), LocalDate.parse("2026-10-02"));
        assertThat(daily).containsOnlyKeys(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-01"));
        assertThat(daily.get(LocalDate.parse("2026-09-30")).timedEvents()).isEqualTo(28);
        assertThat(daily.get(LocalDate.parse("2026-09-30")).p95()).isCloseTo(p95.evaluate(
                java.util.stream.LongStream.rangeClosed(1, 28).mapToDouble(n -> 100.0 * n).toArray()),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(daily.get(LocalDate.parse("2026-10-01")).p95()).isCloseTo(p95.evaluate(
                java.util.stream.LongStream.rangeClosed(29, 40).mapToDouble(n -> 100.0 * n).toArray()),
                org.assertj.core.data.Offset.offset(1e-6));
        long system = systems.findAll().stream().filter(s -> s.key().equals(fx.system)).findFirst().orElseThrow().id();
        assertThat(signals.dailyLatency(UsageSignals.Target.system(system), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-01")).get(LocalDate.parse("2026-10-01")).timedEvents()).isEqualTo(12);
        assertThat(signals.dailyLatency(UsageSignals.Target.workflow(workflow), LocalDate.parse("2026-10-02"),
                LocalDate.parse("2026-10-05"))).isEmpty();
    }

    private static IncomingEvent event(TelemetryFixture fx, int i, Instant time, long latencyMs) {
        return new IncomingEvent(i + 1, "lat-" + fx.suffix + "-" + i, time, fx.member.email(), fx.system, null,
                fx.workflow, "chat", null, null, null, null, latencyMs, false, Outcome.ACCEPTED, null);
    }
}
