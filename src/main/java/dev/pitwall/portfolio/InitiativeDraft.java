package dev.pitwall.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An initiative to create or update; the sponsor must be an active person. */
public record InitiativeDraft(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2000) String objective,
        Long sponsorId, @NotNull InitiativeStage stage, LocalDate startDate) {
}
