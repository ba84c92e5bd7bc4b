package dev.pitwall.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * A workflow's implementation of one control of the library.
 *
 * @param required whether the workflow's current risk tier requires the control
 * @param status {@code MISSING} when nothing was recorded
 * @param expiresOn the day the evidence stops counting
 * @param expiredOn set when the expiry sweep turned the control back to {@code PLANNED}
 */
public record ControlImplementation(String workflowKey, String workflowName, String controlKey, String controlName,
        boolean required, ControlStatus status, Long ownerId, String ownerName, String ownerEmail, LocalDate reviewOn,
        LocalDate expiresOn, String note, LocalDate expiredOn, List<Evidence> evidence) {

    /** In place, with evidence that has not expired on {@code day}. */
    public boolean satisfiedOn(LocalDate day) {
        return status.inPlace() && !evidence.isEmpty() && (expiresOn == null || !expiresOn.isBefore(day));
    }

    /** Why it does not count on {@code day}, or null when it does. */
    public String gapOn(LocalDate day) {
        if (!status.inPlace()) {
            return status == ControlStatus.MISSING ? "missing"
                    : "planned" + (expiredOn != null ? " again: its evidence expired on " + expiredOn : "");
        }
        if (evidence.isEmpty()) {
            return status.name().toLowerCase(java.util.Locale.ROOT) + " without evidence";
        }
        if (expiresOn != null && expiresOn.isBefore(day)) {
            return "its evidence expired on " + expiresOn;
        }
        return null;
    }
}
