package dev.pitwall.measurement.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.measurement.Figure;
import org.junit.jupiter.api.Test;

class FigureFormatTest {

    private final FigureFormat format = new FigureFormat();

    @Test
    void moneySaysItsCurrencyAndItsPeriod() {
        assertThat(format.format(Figure.of("realizedImpact", 12_400.4, "money").inCurrency("EUR", "MONTHLY")))
                .isEqualTo("12,400 EUR per month");
        assertThat(format.format(Figure.of("targetImpact", 900, "money").inCurrency("USD", "WEEKLY")))
                .isEqualTo("900 USD per week");
        assertThat(format.format(Figure.of("strandedCapital", 310_000, "money").inCurrency("EUR", "MONTHLY")))
                .as("capital is to date whatever the KPIs' period").isEqualTo("310,000 EUR to date");
        assertThat(format.format(Figure.of("realizedImpact", 5, "money").inCurrency("CHF", Figure.KPI_PERIOD)))
                .isEqualTo("5 CHF per KPI period");
        assertThat(format.format(Figure.missing("realizedImpact", "money", "no KPI").inCurrency("EUR", "MONTHLY")))
                .isEqualTo("—");
    }

    @Test
    void otherUnitsAreUnchanged() {
        assertThat(format.format(Figure.of("adoptionDepth", 0.25, "ratio").inCurrency("EUR", "MONTHLY"))).isEqualTo("25.0 %");
        assertThat(format.format(Figure.of("returnOnSpend", 2.5, "multiple"))).isEqualTo("2.50 ×");
        assertThat(format.unit("EUR", "QUARTERLY")).isEqualTo("EUR per quarter");
        assertThat(format.unit("EUR", null)).isEqualTo("EUR");
    }
}
