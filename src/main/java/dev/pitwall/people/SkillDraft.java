package dev.pitwall.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A skill to create or update. */
public record SkillDraft(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String category,
        @Size(max = 2000) String description) {
}
