package dev.pitwall.measurement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** An AI system's availability on a day, as its own monitoring or its vendor's SLA report says. */
public record AvailabilityReport(@NotNull LocalDate day, @NotNull @DecimalMin("0") @DecimalMax("1") Double availability) {
}
