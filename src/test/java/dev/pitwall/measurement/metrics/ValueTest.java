package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiLevel;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

    private static final LocalDate D = LocalDate.of(2026, 6, 30);
    private static final LocalDate FROM = D.minusDays(27);
    private static final LocalDate GO_LIVE = LocalDate.of(2026, 3, 1);

    /** Hours per month, lower is better: baseline 1000, target 600, 50 per hour. */
    private static Kpi hours(Double baseline, Double valuePerUnit) {
        return new Kpi(1, "w", "Hours", "hours", KpiLevel.BUSINESS_OUTCOME, Direction.LOWER_IS_BETTER,
                baseline == null ? null : BigDecimal.valueOf(baseline), LocalDate.of(2025, 10, 1),
                baseline == null ? null : LocalDate.of(2025, 12, 31), BigDecimal.valueOf(600),
                valuePerUnit == null ? null : BigDecimal.valueOf(valuePerUnit), null, null, null, Cadence.MONTHLY, null,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static Measurement m(LocalDate periodEnd, double value) {
        return new Measurement(0, 1, periodEnd, BigDecimal.valueOf(value), MeasurementSource.API, null, "t", Instant.EPOCH);
    }

    @Test
    void realizedTargetAndCumulativeImpactOfALowerIsBetterKpi() {
        List<Measurement> ms = List.of(m(LocalDate.of(2026, 2, 28), 990), m(LocalDate.of(2026, 3, 31), 900),
                m(LocalDate.of(2026, 4, 30), 800), m(LocalDate.of(2026, 5, 31), 760), m(LocalDate.of(2026, 6, 30), 700));
        Value.KpiValue v = Value.of(hours(1000.0, 50.0), ms, FROM, D, GO_LIVE);
        // c = 700 (the only period ending in the window)
        assertThat(v.current()).isEqualTo(700);
        // realized = -1 * (700 - 1000) * 50 = 15,000 ; target = -1 * (600 - 1000) * 50 = 20,000
        assertThat(v.realizedImpact()).isEqualTo(15_000);
        assertThat(v.targetImpact()).isEqualTo(20_000);
        // after go-live (March..June): (100 + 200 + 240 + 300) * 50 = 42,000; February is before go-live
        assertThat(v.cumulativeRealizedImpact()).isEqualTo(42_000);
        Value.Result sum = Value.sum(List.of(v));
        assertThat(sum.realization().value()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void currentIsTheMeanInTheWindowElseTheLatest() {
        List<Measurement> weekly = List.of(m(D.minusDays(21), 800), m(D.minusDays(14), 700), m(D.minusDays(7), 600),
                m(D.minusDays(40), 100));
        assertThat(Value.current(weekly, FROM, D)).isEqualTo(700);
        assertThat(Value.current(List.of(m(D.minusDays(60), 900), m(D.minusDays(40), 850)), FROM, D)).isEqualTo(850);
        assertThat(Value.current(List.of(m(D.plusDays(1), 1)), FROM, D)).isNull();
    }

    @Test
    void missingInputsGiveNullsWithReasons() {
        Value.KpiValue noBaseline = Value.of(hours(null, 50.0), List.of(m(D, 700)), FROM, D, GO_LIVE);
        assertThat(noBaseline.realizedImpact()).isNull();
        assertThat(noBaseline.reason()).isEqualTo("KPI 'Hours' has no baseline");
        Value.Result result = Value.sum(List.of(noBaseline));
        assertThat(result.realization().value()).isNull();
        assertThat(result.realizedImpact().reason()).contains("has no baseline");
        assertThat(Value.sum(List.of()).targetImpact().reason()).isEqualTo("no business-outcome KPI");
        Value.KpiValue unmeasured = Value.of(hours(1000.0, 50.0), List.of(), FROM, D, GO_LIVE);
        assertThat(unmeasured.realizedImpact()).isNull();
        assertThat(unmeasured.targetImpact()).isEqualTo(20_000);
        assertThat(unmeasured.reason()).contains("no measurement up to 2026-06-30");
        assertThat(Value.realization(Figure.of("realizedImpact", 5, "money"), Figure.of("targetImpact", 0, "money"))
                .reason()).isEqualTo("the target impact is 0");
    }
}
