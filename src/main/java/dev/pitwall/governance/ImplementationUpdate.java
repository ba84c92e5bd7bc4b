package dev.pitwall.governance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A change to a workflow's implementation of a control.
 *
 * @param ownerEmail the person responsible for the control on this workflow (null: nobody yet)
 * @param reviewOn the next review
 * @param expiresOn when the evidence stops counting; the control then turns back to PLANNED
 */
public record ImplementationUpdate(@NotNull ControlStatus status, String ownerEmail, LocalDate reviewOn,
        LocalDate expiresOn, @Size(max = 2000) String note) {
}
