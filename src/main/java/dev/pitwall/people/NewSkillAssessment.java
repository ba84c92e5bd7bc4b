package dev.pitwall.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An assessment to record; the same person, skill, date and source replaces the earlier level. */
public record NewSkillAssessment(@NotNull Long personId, @NotNull Long skillId, @NotNull @Min(0) @Max(4) Integer level,
        @NotNull LocalDate assessedOn, @NotBlank @Size(max = 100) String source) {
}
