package dev.pitwall.operations;

import dev.pitwall.governance.ControlImplementation;
import java.util.List;

/**
 * What is waiting for one person: the incidents routed to them, the fallback drills of the
 * fallbacks they own that are due within 30 days or overdue, and the controls they own whose
 * evidence expires within 30 days or has expired; the operating reviews of the workflows they are
 * accountable for that are due within 30 days or overdue, and the review actions they own.
 *
 * @param personId the person of the signed-in user (by the user's email), or {@code null} when the
 *     directory has no such person; then every list is empty
 */
public record MyWork(Long personId, String personName, List<Incident> incidents, List<DrillSchedule> drills,
        List<ControlImplementation> expiringControls, List<ReviewSchedule> reviews, List<ReviewAction> actions) {
}
