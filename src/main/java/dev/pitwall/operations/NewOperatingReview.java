package dev.pitwall.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An operating review to record.
 *
 * @param heldOn the day it was held (today or earlier)
 * @param attendeeEmails the people who attended, by email; at least one
 * @param decisions what was decided, one sentence each
 * @param actions what follows, each with its owner and due day
 * @param notes anything else worth keeping
 */
public record NewOperatingReview(@NotNull LocalDate heldOn, @NotNull @Size(min = 1, max = 100) List<String> attendeeEmails,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> decisions,
        @Size(max = 50) List<@Valid @NotNull Action> actions, @Size(max = 4000) String notes) {

    /** An action to track: what, who (by email) and by when. */
    public record Action(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 320) String ownerEmail,
            @NotNull LocalDate dueOn) {
    }
}
