package dev.pitwall.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.governance.Autonomy;
import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.RiskClassification;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.governance.RiskTier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every tier and EU AI Act category the policy yields, with its reasons. */
class RiskPolicyTest {

    /** Internal knowledge retrieval on non-personal data that only suggests: the quietest case. */
    private static Q quiet() {
        return new Q();
    }

    /** A mutable builder of questionnaires for the cases below. */
    private static final class Q {
        boolean personal, regulated, customer, narrow, profiling, decision, retrieval = true, security, synthetic, emotion;
        Autonomy autonomy = Autonomy.SUGGESTS;
        List<String> annex = List.of();
        List<String> prohibited = List.of();

        RiskClassification classify() {
            return RiskPolicy.classify(new RiskQuestionnaire(personal, regulated, customer, annex, narrow, profiling,
                    autonomy, decision, retrieval, security, synthetic, emotion, prohibited));
        }
    }

    private static List<String> texts(RiskClassification c) {
        return c.reasons().stream().map(RiskClassification.Reason::text).toList();
    }

    @Test
    void knowledgeRetrievalOnNonPersonalDataThatOnlySuggestsIsLowAndMinimal() {
        RiskClassification c = quiet().classify();
        assertThat(c.tier()).isEqualTo(RiskTier.LOW);
        assertThat(c.euCategory()).isEqualTo(EuCategory.MINIMAL);
        assertThat(c.blocked()).isFalse();
        assertThat(texts(c)).singleElement().asString().contains("knowledge retrieval").contains("Art. 4 AI literacy");
    }

    @Test
    void personalDataMakesItMedium() {
        Q q = quiet();
        q.personal = true;
        RiskClassification c = q.classify();
        assertThat(c.tier()).isEqualTo(RiskTier.MEDIUM);
        assertThat(c.euCategory()).isEqualTo(EuCategory.MINIMAL);
        assertThat(texts(c)).containsExactly("it processes personal data");
    }

    @Test
    void talkingToCustomersCarriesTheArticle50TransparencyDuty() {
        Q q = quiet();
        q.customer = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.TRANSPARENCY);
        assertThat(c.tier()).isEqualTo(RiskTier.MEDIUM);
        assertThat(texts(c)).singleElement().asString().startsWith("Art. 50(1)");
    }

    @Test
    void syntheticContentAndEmotionRecognitionAreTransparencyObligationsToo() {
        Q q = quiet();
        q.synthetic = true;
        q.emotion = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.TRANSPARENCY);
        assertThat(texts(c)).anyMatch(t -> t.startsWith("Art. 50(2) and 50(4)")).anyMatch(t -> t.startsWith("Art. 50(3)"));
    }

    @Test
    void securityOperationsAreHighInternallyThoughMinimalUnderTheAct() {
        Q q = quiet();
        q.security = true;
        RiskClassification c = q.classify();
        assertThat(c.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(c.euCategory()).isEqualTo(EuCategory.MINIMAL);
        assertThat(c.reasons().get(0).rule()).isEqualTo("security-operations");
    }

    @Test
    void actingAloneOnRegulatedDataIsHigh() {
        Q q = quiet();
        q.regulated = true;
        q.autonomy = Autonomy.ACTS_ALONE;
        RiskClassification c = q.classify();
        assertThat(c.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(c.reasons()).extracting(RiskClassification.Reason::rule)
                .containsExactly("regulated-data-autonomy", "regulated-data", "autonomy");
    }

    @Test
    void recruitmentUnderAnnexIii4aIsHighRiskWithTheDeployerDuties() {
        Q q = quiet();
        q.personal = true;
        q.annex = List.of("4(a)");
        q.profiling = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.HIGH_RISK);
        assertThat(c.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(c.annexIiiPoints()).containsExactly("4(a)");
        assertThat(c.reasons().get(0).text()).isEqualTo("Annex III point 4(a): high-risk under Art. 6(2); the deployer "
                + "duties of Art. 26 apply");
    }

    @Test
    void aHighRiskUseActingWithoutApprovalIsCritical() {
        Q q = quiet();
        q.annex = List.of("5(b)", "4(b)");
        q.autonomy = Autonomy.ACTS_ALONE;
        RiskClassification c = q.classify();
        assertThat(c.tier()).isEqualTo(RiskTier.CRITICAL);
        assertThat(c.annexIiiPoints()).containsExactly("5(b)", "4(b)");
        assertThat(c.reasons().get(0).text()).startsWith("Annex III points 5(b), 4(b)")
                .endsWith("it acts without a person approving each action");
    }

    @Test
    void aNarrowProceduralTaskWithoutProfilingIsNotHighRiskButMustBeDocumented() {
        Q q = quiet();
        q.annex = List.of("4(a)");
        q.narrow = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.MINIMAL);
        assertThat(c.annexIiiPoints()).isEmpty();
        assertThat(c.tier()).isEqualTo(RiskTier.MEDIUM);
        assertThat(texts(c)).singleElement().asString().contains("Art. 6(3)").contains("Art. 6(4)");
    }

    @Test
    void profilingRulesOutTheArticle63Derogation() {
        Q q = quiet();
        q.annex = List.of("4(a)");
        q.narrow = true;
        q.profiling = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.HIGH_RISK);
        assertThat(c.reasons().get(0).text()).contains("Art. 6(3) does not apply: it profiles people");
    }

    @Test
    void aProhibitedPracticeIsCriticalAndBlocksTheWorkflowWhateverElseApplies() {
        Q q = quiet();
        q.prohibited = List.of("5(1)(f)");
        q.annex = List.of("1(c)");
        q.customer = true;
        RiskClassification c = q.classify();
        assertThat(c.euCategory()).isEqualTo(EuCategory.PROHIBITED);
        assertThat(c.tier()).isEqualTo(RiskTier.CRITICAL);
        assertThat(c.blocked()).isTrue();
        assertThat(c.reasons().get(0).text()).startsWith("Art. 5(1)(f): a prohibited AI practice");
        assertThat(c.reasons()).extracting(RiskClassification.Reason::implies).isSortedAccordingTo(Enum::compareTo);
    }
}
