package dev.pitwall.portfolio.gate;

import static dev.pitwall.portfolio.PortfolioFixtures.ANN;
import static dev.pitwall.portfolio.PortfolioFixtures.LEO;
import static dev.pitwall.portfolio.PortfolioFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.PortfolioFixtures;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionRightsCheckTest {

    private final DecisionRightsCheck check = new DecisionRightsCheck();

    private GateCheck.Result check(List<RightHolding> rights) {
        return check.check(new GateCheck.Subject(PortfolioFixtures.details(List.of(), rights, List.of(), List.of()),
                Set.of(), TODAY));
    }

    @Test
    void passesWhenEveryRightIsHeldByAnActivePerson() {
        assertThat(check(PortfolioFixtures.allHeld())).isInstanceOf(GateCheck.Passed.class);
    }

    @Test
    void namesEachRightHeldByNobodyOrBySomeoneWhoLeft() {
        List<RightHolding> rights = new ArrayList<>(PortfolioFixtures.allHeld());
        rights.set(2, new RightHolding(DecisionRight.OVERRIDE_AUTHORITY, null, "it depends"));
        rights.set(8, new RightHolding(DecisionRight.ESCALATION_CONTACT, LEO, null));
        assertThat(check(rights)).isInstanceOfSatisfying(GateCheck.Failed.class, failed -> assertThat(failed.reasons())
                .containsExactly("OVERRIDE_AUTHORITY is held by nobody (it depends).",
                        "ESCALATION_CONTACT is held by Leo Left, who is no longer active."));
        assertThat(ANN.active()).isTrue();
    }
}
