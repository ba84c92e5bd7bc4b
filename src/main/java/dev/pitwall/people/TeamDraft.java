package dev.pitwall.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A team to create or update. */
public record TeamDraft(@NotBlank @Size(max = 200) String name, Long parentId, @Size(max = 2000) String description) {
}
