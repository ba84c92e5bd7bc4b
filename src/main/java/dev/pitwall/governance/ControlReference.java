package dev.pitwall.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A control's reference to a framework catalog entry, e.g. NIST_AI_RMF "GOVERN 2.1". */
public record ControlReference(@NotNull Framework framework, @NotBlank String ref) {
}
