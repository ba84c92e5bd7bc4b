package dev.pitwall.telemetry.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.RollupRow;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEvents;
import dev.pitwall.testing.TestClickHouse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ClickHouse event store against a real ClickHouse server (Debian's 18.16 here and in CI):
 * rollup rows equal those computed by hand from the events, whatever was written twice; rows of a
 * batch that never committed stay invisible; latency percentiles interpolate as PostgreSQL's;
 * retention drops a source's months and nothing else; no value can break out of its literal.
 */
@ExtendWith(TestClickHouse.class)
class ClickHouseUsageEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private ClickHouseClient client;
    private ClickHouseUsageEvents store;

    @BeforeEach
    void createDatabase() {
        client = TestClickHouse.newDatabase();
        store = new ClickHouseUsageEvents(client);
        store.createTables();
        store.createTables(); // again: an installation starting a second time
    }

    @AfterEach
    void dropDatabase() {
        TestClickHouse.drop(client);
    }

    @Test
    void rollupRowsOfBatchesEqualThoseCountedByHandAndRepeatedInsertsCountOnce() {
        List<ResolvedEvent> first = events("a", 700);
        List<ResolvedEvent> second = events("b", 500);
        List<ResolvedEvent> third = events("c", 300);
        store.insertAll(TelemetrySource.NATIVE, first, 1, NOW);
        store.insertAll(TelemetrySource.NATIVE, second, 2, NOW);
        store.insertAll(TelemetrySource.NATIVE, second, 2, NOW); // a repeated request: same rows again
        store.insertAll(TelemetrySource.OTLP, third, 3, NOW);

        assertThat(rolledUp(1L)).isEqualTo(expected(first));
        List<ResolvedEvent> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        assertThat(rolledUp(2L, 3L)).isEqualTo(expected(all));
        // The grouping the store does as it stores a batch (for the rollup worker) is the same.
        assertThat(RollupRow.group(first)).isEqualTo(expected(first));
        assertThat(RollupRow.group(all)).isEqualTo(expected(all));
        assertThat(RollupRow.group(second).stream().mapToLong(RollupRow::events).sum()).isEqualTo(500);
        assertThat(RollupRow.group(List.of())).isEmpty();
    }

    @Test
    void eventsOfABatchThatNeverCommittedAreNotCountedAndTheirRetryReplacesThem() {
        List<ResolvedEvent> events = events("x", 400);
        store.insertAll(TelemetrySource.NATIVE, events, 7, NOW); // batch 7 rolled back in PostgreSQL
        store.insertAll(TelemetrySource.NATIVE, events.subList(0, 100), 8, NOW.plusSeconds(1)); // committed
        store.markCommitted(List.of(8L));

        assertThat(store.countsBySource()).isEqualTo(Map.of(TelemetrySource.NATIVE, 100L));
        assertThat(rolledUp(8L)).isEqualTo(expected(events.subList(0, 100)));

        store.insertAll(TelemetrySource.NATIVE, events.subList(100, 400), 9, NOW.plusSeconds(2)); // the rest, retried
        store.markCommitted(List.of(9L, 9L));
        store.markCommitted(List.of(9L)); // a worker that stopped before marking it in PostgreSQL, again
        assertThat(store.countsBySource()).isEqualTo(Map.of(TelemetrySource.NATIVE, 400L));
        assertThat(rolledUp(9L)).isEqualTo(expected(events));
        client.execute("OPTIMIZE TABLE " + client.table("usage_event") + " FINAL");
        assertThat(client.queryLong("SELECT count() FROM " + client.table("usage_event"))).isEqualTo(400);
    }

    @Test
    void dailyLatencyPercentileInterpolatesAsPostgres() {
        List<ResolvedEvent> events = events("l", 900);
        store.insertAll(TelemetrySource.NATIVE, events, 1, NOW);
        store.markCommitted(List.of(1L));
        LocalDate from = LocalDate.parse("2026-10-01");
        LocalDate to = LocalDate.parse("2026-11-15");

        Map<LocalDate, UsageSignals.Latency> found = store.dailyLatencyP95("workflow_id", 11, from, to);

        Map<LocalDate, List<Long>> byDay = new TreeMap<>();
        events.stream().filter(e -> Long.valueOf(11).equals(e.workflowId()) && e.event().latencyMs() != null)
                .filter(e -> !e.event().day().isBefore(from) && !e.event().day().isAfter(to))
                .forEach(e -> byDay.computeIfAbsent(e.event().day(), d -> new ArrayList<>()).add(e.event().latencyMs()));
        assertThat(found.keySet()).containsExactlyElementsOf(byDay.keySet());
        assertThat(byDay).hasSizeGreaterThan(20);
        // PERCENTILE_CONT is Hyndman and Fan's definition 7.
        Percentile p95 = new Percentile(95).withEstimationType(Percentile.EstimationType.R_7);
        byDay.forEach((day, latencies) -> {
            double[] values = latencies.stream().mapToDouble(Long::doubleValue).toArray();
            assertThat(found.get(day).p95()).as(day.toString()).isCloseTo(p95.evaluate(values),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(found.get(day).timedEvents()).isEqualTo(values.length);
        });
        assertThatThrownBy(() -> store.dailyLatencyP95("1; DROP TABLE x", 1, from, to))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionDropsTheMonthsOfOneSourceOnly() {
        store.insertAll(TelemetrySource.NATIVE, events("n", 600), 1, NOW);
        store.insertAll(TelemetrySource.OTLP, events("o", 600), 2, NOW);
        store.markCommitted(List.of(1L, 2L));

        List<YearMonth> dropped = store.dropMonthsBefore(TelemetrySource.NATIVE, YearMonth.of(2026, 11));

        assertThat(dropped).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
        long novemberNative = events("n", 600).stream().filter(e -> e.event().day().getMonthValue() == 11).count();
        assertThat(store.countsBySource()).isEqualTo(Map.of(TelemetrySource.NATIVE, novemberNative,
                TelemetrySource.OTLP, 600L));
        assertThat(store.dropMonthsBefore(TelemetrySource.NATIVE, YearMonth.of(2026, 11))).isEmpty();
    }

    @Test
    void noValueBreaksOutOfItsLiteral() {
        for (String hostile : List.of("it's", "back\\slash", "\\'; DROP DATABASE x; --", "line\nbreak\r\ttab",
                "nul\u0000byte", "bell\u0007 del\u007f", "emoji \uD83D\uDE80 and \u202Ebidi", "")) {
            String read = client.query("SELECT " + ClickHouseClient.quote(hostile) + " AS s",
                    row -> row.get("s").asString()).get(0);
            assertThat(read).isEqualTo(hostile);
        }
        // An event id and person reference full of them are stored and counted as they are.
        IncomingEvent odd = new IncomingEvent(1, "id ' \\ \n \u0000 }{\"", Instant.parse("2026-11-02T10:00:00Z"),
                "someone'@x", null, null, null, "op", "m\"odel", 1L, 2L, new BigDecimal("100"), 5L, false,
                Outcome.ACCEPTED, Map.of("k'ey", "v\\al\nue"));
        store.insertAll(TelemetrySource.NATIVE, List.of(new ResolvedEvent(odd, null, "someone'@x", null, null,
                Attribution.NONE, null)), 1, NOW);
        assertThat(rolledUp(1L)).singleElement().satisfies(row -> {
            assertThat(row.personRef()).isEqualTo("someone'@x");
            assertThat(row.cost()).isEqualByComparingTo("100");
        });
    }

    @Test
    void theEventListFiltersAndPagesVisibleEventsNewestFirst() {
        List<ResolvedEvent> events = events("f", 500);
        store.insertAll(TelemetrySource.NATIVE, events.subList(0, 300), 1, NOW);
        store.insertAll(TelemetrySource.OTLP, events.subList(300, 500), 2, NOW);
        store.insertAll(TelemetrySource.NATIVE, events("dead", 50), 3, NOW); // never committed
        store.markCommitted(List.of(1L, 2L));

        assertThat(store.count(UsageEventFilter.none())).isEqualTo(500);
        List<UsageEvent> page = store.find(UsageEventFilter.none(), 20, 0, id -> "system-" + id, id -> "wf-" + id);
        List<ResolvedEvent> newestFirst = events.stream()
                .sorted(Comparator.comparing((ResolvedEvent e) -> e.event().time()).reversed()).toList();
        assertThat(page).extracting(UsageEvent::id)
                .containsExactlyElementsOf(newestFirst.subList(0, 20).stream().map(e -> e.event().eventId()).toList());
        List<UsageEvent> second = store.find(UsageEventFilter.none(), 20, 20, id -> "system-" + id, id -> "wf-" + id);
        assertThat(second).extracting(UsageEvent::id)
                .containsExactlyElementsOf(newestFirst.subList(20, 40).stream().map(e -> e.event().eventId()).toList());

        // Field by field, as stored.
        ResolvedEvent one = newestFirst.get(0);
        UsageEvent read = page.get(0);
        assertThat(read.time()).isEqualTo(one.event().time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(read.personId()).isEqualTo(one.personId());
        assertThat(read.systemKey()).isEqualTo(one.systemId() == null ? null : "system-" + one.systemId());
        assertThat(read.workflowKey()).isEqualTo(one.workflowId() == null ? null : "wf-" + one.workflowId());
        assertThat(read.cost() == null ? null : read.cost().compareTo(one.event().cost().setScale(6,
                java.math.RoundingMode.HALF_UP))).isIn(null, 0);
        assertThat(read.latencyMs()).isEqualTo(one.event().latencyMs());
        assertThat(read.outcome()).isEqualTo(one.event().outcome());
        assertThat(read.batchId()).isIn(1L, 2L);
        assertThat(read.ingestedAt()).isEqualTo(NOW);

        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = Instant.parse("2026-10-15T12:00:00Z");
        UsageEventFilter filter = new UsageEventFilter(TelemetrySource.NATIVE, null, null, null, 11L, from, to,
                Attribution.EXPLICIT, null);
        long expected = events.subList(0, 300).stream().filter(e -> Long.valueOf(11).equals(e.workflowId()))
                .filter(e -> !e.event().time().isBefore(from) && e.event().time().isBefore(to)).count();
        assertThat(expected).isPositive();
        assertThat(store.count(filter)).isEqualTo(expected);
        assertThat(store.find(filter, 1_000, 0, id -> "s", id -> "w")).hasSize((int) expected)
                .allSatisfy(e -> assertThat(e.workflowKey()).isEqualTo("w"));
        long unknown = events.stream().filter(e -> e.personId() == null && e.personRef().equals("p5@example.com")).count();
        assertThat(store.count(new UsageEventFilter(null, null, "p5@example.com", null, null, null, null, null, null)))
                .isEqualTo(unknown).isPositive();
        assertThat(store.count(new UsageEventFilter(null, null, null, null, null, null, null, null, 2L))).isEqualTo(200);
        assertThat(store.count(new UsageEventFilter(null, null, "x' OR 1 = 1 OR '", null, null, null, null, null, null)))
                .isZero();
    }

    @Test
    void reattributionWritesNewerVersionsThatReplaceTheOldOnes() {
        List<ResolvedEvent> events = events("r", 200);
        store.insertAll(TelemetrySource.NATIVE, events, 1, NOW);
        store.markCommitted(List.of(1L));
        List<ResolvedEvent> unaligned = events.stream().filter(e -> e.workflowId() == null).toList();
        assertThat(unaligned).isNotEmpty();

        store.reattribute(unaligned.stream().map(e -> new UsageEvents.Change("NATIVE",
                e.event().eventId(), e.event().day(), 12L, Attribution.RULE, 77L)).toList(), NOW.plusSeconds(60));
        store.reattribute(List.of(new UsageEvents.Change("NATIVE", "not-stored",
                LocalDate.parse("2026-10-01"), 12L, Attribution.RULE, 77L)), NOW.plusSeconds(61));

        assertThat(store.count(UsageEventFilter.none())).isEqualTo(200);
        assertThat(store.count(new UsageEventFilter(null, null, null, null, null, null, null, Attribution.NONE, null))).isZero();
        assertThat(store.count(new UsageEventFilter(null, null, null, null, 12L, null, null, Attribution.RULE, null)))
                .isEqualTo(unaligned.size());
        List<ResolvedEvent> after = events.stream().map(e -> e.workflowId() != null ? e : new ResolvedEvent(e.event(),
                e.personId(), e.personRef(), e.systemId(), 12L, Attribution.RULE, 77L)).toList();
        assertThat(rolledUp(1L)).isEqualTo(expected(after));
    }

    @Test
    void aRefusedStatementNamesTheServersReason() {
        assertThatThrownBy(() -> client.execute("SELEC 1"))
                .isInstanceOf(ClickHouseClient.ClickHouseException.class).hasMessageContaining("Syntax error");
    }

    /** Events of 40 people (every fifth unknown), 3 AI systems, 4 workflows over Sep–Nov 2026. */
    private List<ResolvedEvent> events(String prefix, int count) {
        Random r = new Random(prefix.hashCode());
        List<ResolvedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = Instant.parse("2026-09-01T00:00:00Z").plusSeconds(r.nextInt(90 * 86_400));
            int person = r.nextInt(40);
            boolean known = person % 5 != 0;
            Long system = r.nextInt(3) == 0 ? null : (long) (1 + r.nextInt(2));
            Long workflow = r.nextInt(4) == 0 ? null : (long) (10 + r.nextInt(3));
            BigDecimal cost = r.nextInt(5) == 0 ? null
                    : BigDecimal.valueOf(r.nextInt(2_000_000), r.nextInt(7));
            Long latency = r.nextInt(6) == 0 ? null : (long) r.nextInt(5_000);
            Outcome outcome = Outcome.values()[r.nextInt(Outcome.values().length)];
            IncomingEvent event = new IncomingEvent(i + 1, prefix + "-" + i, time, "p" + person + "@example.com", null,
                    null, null, "chat", "model", r.nextInt(3) == 0 ? null : (long) r.nextInt(4000),
                    (long) r.nextInt(900), cost, latency, r.nextInt(9) == 0, outcome, Map.of());
            events.add(new ResolvedEvent(event, known ? (long) person : null, "p" + person + "@example.com", system,
                    workflow, workflow == null ? Attribution.NONE : Attribution.EXPLICIT, null));
        }
        return events;
    }

    /**
     * Records these batches as rolled up (to those recorded before) and reads the rollup rows of
     * every day, as a rebuild does.
     */
    private List<RollupRow> rolledUp(Long... batchIds) {
        store.markRolledUp(List.of(batchIds));
        return store.rollupRowsOfDays(LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01"));
    }

    /** The rollup rows of these events, grouped by hand. */
    private static List<RollupRow> expected(List<ResolvedEvent> events) {
        record Key(LocalDate day, long person, String ref, long system, long workflow) {
        }
        Map<Key, List<ResolvedEvent>> groups = events.stream().collect(Collectors.groupingBy(e -> new Key(
                e.event().time().atOffset(ZoneOffset.UTC).toLocalDate(), e.personId() == null ? 0 : e.personId(),
                e.personId() == null ? e.personRef() : "", e.systemId() == null ? 0 : e.systemId(),
                e.workflowId() == null ? 0 : e.workflowId())));
        return groups.entrySet().stream().map(g -> {
            List<IncomingEvent> es = g.getValue().stream().map(ResolvedEvent::event).toList();
            BigDecimal cost = es.stream().map(e -> e.cost() == null ? BigDecimal.ZERO
                    : e.cost().setScale(6, java.math.RoundingMode.HALF_UP)).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new RollupRow(g.getKey().day(), g.getKey().person(), g.getKey().ref(), g.getKey().system(),
                    g.getKey().workflow(), es.size(), es.stream().mapToLong(e -> e.inputTokens() == null ? 0 : e.inputTokens()).sum(),
                    es.stream().mapToLong(e -> e.outputTokens() == null ? 0 : e.outputTokens()).sum(), plain(cost),
                    es.stream().filter(IncomingEvent::error).count(),
                    es.stream().mapToLong(e -> e.latencyMs() == null ? 0 : e.latencyMs()).sum(),
                    es.stream().filter(e -> e.latencyMs() != null).count(), count(es, Outcome.ACCEPTED),
                    count(es, Outcome.EDITED), count(es, Outcome.OVERRIDDEN), count(es, Outcome.REJECTED),
                    count(es, Outcome.UNKNOWN));
        }).sorted(Comparator.comparing(RollupRow::day).thenComparing(RollupRow::personId)
                .thenComparing(RollupRow::personRef).thenComparing(RollupRow::systemId)
                .thenComparing(RollupRow::workflowId)).toList();
    }

    private static long count(List<IncomingEvent> events, Outcome outcome) {
        return events.stream().filter(e -> e.outcome() == outcome).count();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
