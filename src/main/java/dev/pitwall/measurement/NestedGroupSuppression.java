package dev.pitwall.measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which teams' figures must be withheld so that no figure, nor the difference of two shown figures,
 * rests on fewer people than the minimum group size k:
 * <ol>
 * <li>a team of fewer than k active members (with its sub-teams) is withheld;
 * <li>for every shown group (the organization, and each shown team), the people it has beyond its
 *     shown sub-teams (its direct members, or a withheld sub-team) could be read as the group's
 *     figure minus theirs: when they are between 1 and k - 1, the smallest shown sub-team is
 *     withheld too, and the check repeats until every remainder is 0 or at least k.
 * </ol>
 * Differences with groups further apart (a team and its grandparent) follow from these, as each
 * step between them leaves 0 or at least k people. Differences between two dates are not covered
 * (docs/privacy.md).
 */
public final class NestedGroupSuppression {

    /** A team: its parent (null at the top) and its active members with its sub-teams. */
    public record Group(long id, Long parentId, int members) {
    }

    private NestedGroupSuppression() {
    }

    /**
     * @param groups every team
     * @param organization the active people of the organization
     * @param k the minimum group size
     * @return the ids of the teams to withhold
     */
    public static Set<Long> withheld(List<Group> groups, int organization, int k) {
        Set<Long> withheld = new HashSet<>();
        Map<Long, List<Group>> children = new HashMap<>();
        List<Group> top = new ArrayList<>();
        for (Group g : groups) {
            if (g.members() < k) {
                withheld.add(g.id());
            }
            if (g.parentId() == null) {
                top.add(g);
            } else {
                children.computeIfAbsent(g.parentId(), p -> new ArrayList<>()).add(g);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = protect(organization, top, withheld, k);
            for (Group g : groups) {
                if (!withheld.contains(g.id())) {
                    changed |= protect(g.members(), children.getOrDefault(g.id(), List.of()), withheld, k);
                }
            }
        }
        return withheld;
    }

    /** Withholds the smallest shown sub-group when the rest of a shown group is too small; true if it did. */
    private static boolean protect(int total, List<Group> subgroups, Set<Long> withheld, int k) {
        List<Group> shown = subgroups.stream().filter(g -> !withheld.contains(g.id())).toList();
        if (shown.isEmpty()) {
            return false;
        }
        int rest = total - shown.stream().mapToInt(Group::members).sum();
        if (rest > 0 && rest < k) {
            Group smallest = shown.stream().min(Comparator.comparingInt(Group::members).thenComparingLong(Group::id))
                    .orElseThrow();
            withheld.add(smallest.id());
            return true;
        }
        return false;
    }
}
