package dev.pitwall.review.internal;

import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Routes a review item along its workflow's decision rights: OUTPUT_APPROVER, then
 * ESCALATION_CONTACT, then ACCOUNTABLE_OWNER. A right nobody holds, held by someone no longer
 * active or by a role without an active member, is passed over and named as a gap. A right held by
 * a role puts the item in the role's shared queue, assigned to its active member with the fewest
 * pending items (ties: by name).
 */
@Component
public class ReviewRouter {

    /** The route, in order. */
    public static final List<DecisionRight> ROUTE = List.of(DecisionRight.OUTPUT_APPROVER,
            DecisionRight.ESCALATION_CONTACT, DecisionRight.ACCOUNTABLE_OWNER);

    private final ReviewItems items;

    ReviewRouter(ReviewItems items) {
        this.items = items;
    }

    /** Where an item goes: a person under a right (in a role's queue or not), or nobody; with the gaps passed over. */
    public record Destination(Long personId, DecisionRight right, String role, int step, List<String> gaps) {
    }

    public Destination route(WorkflowDetails details, int fromStep) {
        Map<DecisionRight, RightHolding> rights = new EnumMap<>(DecisionRight.class);
        details.decisionRights().forEach(h -> rights.put(h.right(), h));
        List<String> gaps = new ArrayList<>();
        for (int step = fromStep; step < ROUTE.size(); step++) {
            RightHolding holding = rights.get(ROUTE.get(step));
            if (holding == null || holding.isGap()) {
                gaps.add(holding == null ? ROUTE.get(step) + " is held by nobody" : holding.gapReason());
            } else if (holding.holder() != null) {
                return new Destination(holding.holder().id(), ROUTE.get(step), null, step, gaps);
            } else {
                return new Destination(leastLoaded(holding.activeHolders()).id(), ROUTE.get(step), holding.role().name(),
                        step, gaps);
            }
        }
        return new Destination(null, null, null, ROUTE.size() - 1, gaps);
    }

    /** The member with the fewest pending items; the list comes sorted by name, which breaks ties. */
    private PersonRef leastLoaded(List<PersonRef> members) {
        Map<Long, Integer> load = items.pendingCounts(members.stream().map(PersonRef::id).toList());
        return members.stream().min(Comparator.comparingInt(p -> load.getOrDefault(p.id(), 0))).orElseThrow();
    }
}
