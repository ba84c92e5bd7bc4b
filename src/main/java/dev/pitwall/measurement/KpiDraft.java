package dev.pitwall.measurement;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A KPI to create or update. The owner is a person's email; the parent, if any, is a KPI of the
 * same workflow.
 */
public record KpiDraft(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
        @NotNull KpiLevel level, @NotNull Direction direction,
        @Digits(integer = 14, fraction = 6) BigDecimal baselineValue, LocalDate baselineFrom, LocalDate baselineTo,
        @Digits(integer = 14, fraction = 6) BigDecimal target,
        @Digits(integer = 14, fraction = 6) BigDecimal valuePerUnit, @Size(max = 320) String owner,
        @Size(max = 300) String dataSource, @NotNull Cadence cadence, Long parentId) {
}
