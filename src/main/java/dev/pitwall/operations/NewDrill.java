package dev.pitwall.operations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A drill to record. {@code passed} left out: passed when the switch took no longer than the
 * fallback's longest acceptable time.
 */
public record NewDrill(@NotNull LocalDate drilledOn, @NotNull @Min(0) @Max(100000) Integer switchMinutes,
        @DecimalMin("0") @DecimalMax("10") BigDecimal throughputRatio, Boolean passed, @Size(max = 4000) String notes) {
}
