package dev.pitwall.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's decision on an item.
 *
 * @param outcome ACCEPTED, EDITED, OVERRIDDEN or REJECTED
 * @param reason required unless ACCEPTED
 * @param reasonText required with OTHER
 * @param editedOutput the output as the reviewer changed it (EDITED and OVERRIDDEN)
 */
public record ReviewDecision(@NotNull dev.pitwall.telemetry.Outcome outcome, ReviewReason reason,
        @Size(max = 1000) String reasonText, @Size(max = 100_000) String editedOutput) {
}
