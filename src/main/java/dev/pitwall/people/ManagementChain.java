package dev.pitwall.people;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks that giving a person a manager keeps the reporting lines free of cycles. */
final class ManagementChain {

    private ManagementChain() {
    }

    /**
     * Whether {@code personId} would (indirectly) manage itself if its manager became
     * {@code managerId}, given everyone else's managers.
     */
    static boolean wouldCycle(long personId, Long managerId, Map<Long, Long> managerOf) {
        Set<Long> seen = new HashSet<>();
        Long current = managerId;
        while (current != null) {
            if (current == personId || !seen.add(current)) {
                return true;
            }
            current = managerOf.get(current);
        }
        return false;
    }
}
