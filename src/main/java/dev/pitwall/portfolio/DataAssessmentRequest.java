package dev.pitwall.portfolio;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A readiness assessment of a data source, each dimension 0 (not ready) to 4 (fully ready). */
public record DataAssessmentRequest(LocalDate assessedOn,
        @NotNull @Min(0) @Max(4) Integer freshness,
        @NotNull @Min(0) @Max(4) Integer quality,
        @NotNull @Min(0) @Max(4) Integer access,
        @NotNull @Min(0) @Max(4) Integer governance,
        @Size(max = 1000) String note) {
}
