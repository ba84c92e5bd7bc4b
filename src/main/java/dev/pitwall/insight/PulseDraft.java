package dev.pitwall.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A pulse to send.
 *
 * @param title what the invitees see
 * @param template the questions it asks
 * @param population who it is sent to
 * @param closesOn the last day answers are taken; results are shown from the day after, or once closed
 */
public record PulseDraft(@NotNull @Size(min = 1, max = 200) String title, @NotNull PulseTemplate template,
        @Valid PulsePopulation population, @NotNull LocalDate closesOn) {
}
