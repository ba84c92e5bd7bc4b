package dev.pitwall.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What the owner expects, recorded before the AI go-live.
 *
 * @param kpi the name of one of the workflow's business-outcome KPIs
 * @param expectedEffect the expected change, in the KPI's unit, signed in its better direction
 * @param horizonMonths within how many months after the go-live (1–36)
 * @param note why, or what it rests on
 */
public record ExpectationDraft(@NotBlank @Size(max = 200) String kpi,
        @NotNull @jakarta.validation.constraints.Digits(integer = 15, fraction = 4) BigDecimal expectedEffect,
        @NotNull @Min(1) @Max(36) Integer horizonMonths, @Size(max = 1000) String note) {
}
