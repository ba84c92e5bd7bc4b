package dev.pitwall.governance.policy;

import dev.pitwall.governance.Autonomy;
import dev.pitwall.governance.EuCategory;
import dev.pitwall.governance.RiskClassification;
import dev.pitwall.governance.RiskClassification.Reason;
import dev.pitwall.governance.RiskQuestionnaire;
import dev.pitwall.governance.RiskTier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Classifies a workflow from its questionnaire: the EU AI Act category first (Art. 5, then Art. 6
 * with Annex III and the Art. 6(3) derogation, then Art. 50), then Pitwall's internal tier, which
 * is the most demanding tier any rule implies. Pure: the same answers always give the same result
 * and reasons (see docs/governance.md for the table of rules).
 */
public final class RiskPolicy {

    private RiskPolicy() {
    }

    public static RiskClassification classify(RiskQuestionnaire q) {
        List<Reason> reasons = new ArrayList<>();
        EuCategory category = EuCategory.MINIMAL;
        List<String> annexPoints = List.of();

        for (String practice : q.prohibitedPractices()) {
            reasons.add(new Reason("eu-prohibited", RiskTier.CRITICAL, "Art. " + practice
                    + ": a prohibited AI practice; the workflow is blocked and may not be promoted or waived"));
            category = EuCategory.PROHIBITED;
        }

        if (!q.annexIiiUseCases().isEmpty()) {
            String points = "Annex III point" + (q.annexIiiUseCases().size() > 1 ? "s " : " ")
                    + String.join(", ", q.annexIiiUseCases());
            if (q.narrowProceduralTask() && !q.profiling()) {
                reasons.add(new Reason("eu-article-6-3", RiskTier.MEDIUM, points + " is served, but only as a narrow "
                        + "procedural or preparatory task without profiling: not high-risk under Art. 6(3); the "
                        + "assessment must be documented (Art. 6(4))"));
            } else {
                annexPoints = q.annexIiiUseCases();
                if (category != EuCategory.PROHIBITED) {
                    category = EuCategory.HIGH_RISK;
                }
                boolean alone = q.autonomy() == Autonomy.ACTS_ALONE;
                reasons.add(new Reason("eu-annex-iii", alone ? RiskTier.CRITICAL : RiskTier.HIGH, points
                        + ": high-risk under Art. 6(2); the deployer duties of Art. 26 apply"
                        + (q.narrowProceduralTask() ? " (Art. 6(3) does not apply: it profiles people)" : "")
                        + (alone ? "; it acts without a person approving each action" : "")));
            }
        }

        List<String> transparency = new ArrayList<>();
        if (q.customerFacing()) {
            transparency.add("Art. 50(1): people interacting with it must be told they deal with AI");
        }
        if (q.syntheticContent()) {
            transparency.add("Art. 50(2) and 50(4): generated or manipulated content must be marked or disclosed");
        }
        if (q.emotionOrBiometric()) {
            transparency.add("Art. 50(3): people exposed to emotion recognition or biometric categorisation must "
                    + "be informed");
        }
        for (String text : transparency) {
            reasons.add(new Reason("eu-transparency", RiskTier.MEDIUM, text));
        }
        if (category == EuCategory.MINIMAL && !transparency.isEmpty()) {
            category = EuCategory.TRANSPARENCY;
        }

        boolean acts = q.autonomy() != Autonomy.SUGGESTS;
        if (q.regulatedData() && q.autonomy() == Autonomy.ACTS_ALONE) {
            reasons.add(new Reason("regulated-data-autonomy", RiskTier.HIGH,
                    "it acts on regulated data without a person approving each action"));
        }
        if (q.customerFacing() && q.autonomy() == Autonomy.ACTS_ALONE) {
            reasons.add(new Reason("customer-autonomy", RiskTier.HIGH,
                    "it acts towards customers without a person approving each action"));
        }
        if (q.securityOperations()) {
            reasons.add(new Reason("security-operations", RiskTier.HIGH,
                    "it takes part in security operations, where a wrong action exposes the organization"));
        }
        if (q.regulatedData()) {
            reasons.add(new Reason("regulated-data", RiskTier.MEDIUM, "it processes regulated data"));
        } else if (q.personalData()) {
            reasons.add(new Reason("personal-data", RiskTier.MEDIUM, "it processes personal data"));
        }
        if (acts) {
            reasons.add(new Reason("autonomy", RiskTier.MEDIUM, q.autonomy() == Autonomy.ACTS_ALONE
                    ? "it acts on its own" : "it acts once a person approves"));
        }
        if (reasons.isEmpty()) {
            List<String> uses = new ArrayList<>();
            if (q.internalDecisionSupport()) {
                uses.add("internal decision support");
            }
            if (q.knowledgeRetrieval()) {
                uses.add("knowledge retrieval");
            }
            reasons.add(new Reason("low", RiskTier.LOW, (uses.isEmpty() ? "internal use" : String.join(" and ", uses))
                    + " on non-personal data, with a person deciding on every suggestion; Art. 4 AI literacy "
                    + "still applies"));
        }
        reasons.sort(Comparator.comparing(Reason::implies));
        RiskTier tier = reasons.get(0).implies();
        return new RiskClassification(tier, category, annexPoints, reasons);
    }
}
