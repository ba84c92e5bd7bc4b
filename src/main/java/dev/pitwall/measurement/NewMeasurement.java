package dev.pitwall.measurement;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A KPI's value for the period ending on {@code periodEnd}; a later value for the same period replaces it. */
public record NewMeasurement(@NotNull LocalDate periodEnd, @NotNull @Digits(integer = 14, fraction = 6) BigDecimal value,
        @Size(max = 1000) String note) {
}
