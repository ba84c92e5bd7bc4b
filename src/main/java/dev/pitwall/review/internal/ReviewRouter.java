package dev.pitwall.review.internal;

import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Routes a review item along its workflow's decision rights: OUTPUT_APPROVER, then
 * ESCALATION_CONTACT, then ACCOUNTABLE_OWNER. A right nobody holds, or held by someone no longer
 * active, is passed over and named as a gap.
 */
@Component
public class ReviewRouter {

    /** The route, in order. */
    public static final List<DecisionRight> ROUTE = List.of(DecisionRight.OUTPUT_APPROVER,
            DecisionRight.ESCALATION_CONTACT, DecisionRight.ACCOUNTABLE_OWNER);

    /** Where an item goes: a person under a right, or nobody; with the gaps passed over. */
    public record Destination(Long personId, DecisionRight right, int step, List<String> gaps) {
    }

    public Destination route(WorkflowDetails details, int fromStep) {
        Map<DecisionRight, RightHolding> rights = new EnumMap<>(DecisionRight.class);
        details.decisionRights().forEach(h -> rights.put(h.right(), h));
        List<String> gaps = new ArrayList<>();
        for (int step = fromStep; step < ROUTE.size(); step++) {
            RightHolding holding = rights.get(ROUTE.get(step));
            if (holding == null || holding.holder() == null) {
                gaps.add(ROUTE.get(step) + " is held by nobody");
            } else if (!holding.holder().active()) {
                gaps.add(ROUTE.get(step) + " is held by " + holding.holder().name() + ", who is no longer active");
            } else {
                return new Destination(holding.holder().id(), ROUTE.get(step), step, gaps);
            }
        }
        return new Destination(null, null, ROUTE.size() - 1, gaps);
    }
}
