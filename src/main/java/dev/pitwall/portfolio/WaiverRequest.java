package dev.pitwall.portfolio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A waiver the accountable owner grants.
 *
 * @param reason why production is acceptable without every check passing
 * @param grantedOn the day it was granted (today when left out; earlier to record a decision made
 *     before it was entered)
 * @param expiresOn the last day the waiver is valid
 */
public record WaiverRequest(@NotBlank @Size(max = 2000) String reason, LocalDate grantedOn, @NotNull LocalDate expiresOn) {
}
