package dev.pitwall.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict's three outcomes, for a KPI where lower is better and 500 fewer hours were expected. */
class ExpectationVerdictTest {

    private static final Expectation EXPECTED = new Expectation(1, "w", 7, "Hours", "hours", new BigDecimal("-500"), 6,
            null, "owner", Instant.EPOCH);

    @Test
    void metNotMetAndInconclusive() {
        assertThat(verdict(-640, -925, -357).outcome()).as("distinguishable, estimate beyond -500").isEqualTo(Verdict.Outcome.MET);
        assertThat(verdict(-200, -300, -100).outcome()).as("even -300 falls short").isEqualTo(Verdict.Outcome.NOT_MET);
        assertThat(verdict(-450, -700, -200).outcome()).as("reaches -500 only at its best").isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(verdict(-600, -1200, 50).outcome()).as("contains no effect").isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        Verdict none = ExpectationService.judge(EXPECTED, new EffectService.WorkflowEffect("w", "W", "PILOT", null,
                LocalDate.of(2026, 11, 30), "EUR", List.of(new EffectService.KpiEffect(7, "Hours", "hours", "MONTHLY",
                "LOWER_IS_BETTER", 2, 1, null, null, null, null, null, null, null, "too few periods", null)), null));
        assertThat(none.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(none.reason()).contains("no estimate yet (too few periods)");
    }

    private static Verdict verdict(double estimate, double low, double high) {
        Interval effect = new Interval(estimate, low, high);
        return ExpectationService.judge(EXPECTED, new EffectService.WorkflowEffect("w", "W", "PILOT",
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 30), "EUR", List.of(new EffectService.KpiEffect(7,
                "Hours", "hours", "MONTHLY", "LOWER_IS_BETTER", 8, 6, null, null, effect, null, effect, null,
                EffectService.Verdict.DISTINGUISHABLE, null, null)), null));
    }
}
