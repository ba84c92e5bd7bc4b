package dev.pitwall.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A fallback to declare; the owner by email (a person of the directory). */
public record FallbackDraft(@NotBlank @Size(max = 4000) String procedure, @Size(max = 320) String ownerEmail,
        @NotNull @Min(1) @Max(100000) Integer maxSwitchMinutes) {
}
