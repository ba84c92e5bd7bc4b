package dev.pitwall.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded exception to the gate, granted by the workflow's accountable owner.
 *
 * @param id the waiver's id
 * @param workflowKey the workflow
 * @param grantedById the accountable owner who granted it
 * @param grantedByName their name
 * @param reason why production is allowed without every check passing
 * @param failedChecks the checks that failed when it was granted
 * @param grantedOn when
 * @param expiresOn the last day it is valid
 * @param recordedBy the user who recorded it
 */
public record Waiver(long id, String workflowKey, long grantedById, String grantedByName, String reason,
        List<String> failedChecks, LocalDate grantedOn, LocalDate expiresOn, String recordedBy) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(grantedOn) && !date.isAfter(expiresOn);
    }
}
