package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.measurement.NestedGroupSuppression.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

class NestedGroupSuppressionTest {

    @Test
    void withholdsTeamsSmallerThanTheMinimum() {
        // 33 people: 4 in team 1, 5 in team 2, 20 in team 3, 4 in no team; beyond the shown teams, 8.
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 4), new Group(2, null, 5),
                new Group(3, null, 20)), 33, 5)).containsExactly(1L);
    }

    @Test
    void aTeamTooSmallIsNotRevealedByTheOrganizationMinusTheOthers() {
        // 29 people, all in teams: the organization minus teams 2 and 3 would be team 1 (4 people).
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 4), new Group(2, null, 5),
                new Group(3, null, 20)), 29, 5)).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void withholdsASubTeamWhoseParentHasFewerThanTheMinimumBeyondIt() {
        // Parent 8 people, child 6: parent minus child would describe 2 people.
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 8), new Group(2, 1L, 6),
                new Group(3, null, 50)), 58, 5)).containsExactly(2L);
    }

    @Test
    void withholdsTheSmallestSiblingWhenTheDirectMembersAreTooFew() {
        // Parent 15 = 6 + 7 + 2 direct: parent minus both children would describe 2 people.
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 15), new Group(2, 1L, 6), new Group(3, 1L, 7),
                new Group(4, null, 40)), 55, 5)).containsExactly(2L);
    }

    @Test
    void protectsTheOrganizationTotalAgainstItsTeams() {
        // 23 people, one team of 20: the organization minus the team would describe 3 people.
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 20)), 23, 5)).containsExactly(1L);
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 20)), 25, 5)).isEmpty();
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 20)), 20, 5)).isEmpty();
    }

    @Test
    void aWithheldTeamCountsAsRestOfItsParentAndMayWithholdMore() {
        // Parent 30 = child 26 + child 4 (withheld): parent minus child 26 would describe 4 people.
        assertThat(NestedGroupSuppression.withheld(List.of(new Group(1, null, 30), new Group(2, 1L, 26), new Group(3, 1L, 4),
                new Group(9, null, 100)), 130, 5)).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void everyShownGroupAndEveryDifferenceOfAShownGroupAndItsShownPartsRestsOnAtLeastK() {
        List<Group> groups = List.of(new Group(1, null, 17), new Group(2, 1L, 6), new Group(3, 1L, 5),
                new Group(4, 1L, 5), new Group(5, 2L, 3), new Group(6, null, 9), new Group(7, 6L, 7));
        int organization = 30;
        var withheld = NestedGroupSuppression.withheld(groups, organization, 5);
        List<Group> shown = groups.stream().filter(g -> !withheld.contains(g.id())).toList();
        assertThat(shown).allSatisfy(g -> assertThat(g.members()).isGreaterThanOrEqualTo(5));
        int topRest = organization - shown.stream().filter(g -> g.parentId() == null).mapToInt(Group::members).sum();
        assertThat(topRest == 0 || topRest >= 5).isTrue();
        for (Group parent : shown) {
            int rest = parent.members() - shown.stream().filter(g -> Long.valueOf(parent.id()).equals(g.parentId()))
                    .mapToInt(Group::members).sum();
            assertThat(rest == 0 || rest >= 5).as("rest of %s", parent).isTrue();
        }
    }
}
