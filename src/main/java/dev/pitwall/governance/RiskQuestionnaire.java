package dev.pitwall.governance;

import java.util.List;
import java.util.Set;

/**
 * What a workflow's AI touches, as answered by its owner. Every answer is required; lists may be
 * empty.
 *
 * @param personalData it processes personal data
 * @param regulatedData it processes special-category, financial, health or otherwise regulated data
 * @param customerFacing it interacts directly with people outside the organization
 * @param annexIiiUseCases the EU AI Act Annex III use cases it serves, e.g. {@code 4(a)} for recruitment
 *     and selection (decisions about employment, credit, education, essential services and the rest)
 * @param narrowProceduralTask Art. 6(3): it only performs a narrow procedural or preparatory task
 *     and does not replace or influence a human assessment without proper review
 * @param profiling it profiles natural persons (then Art. 6(3) never applies)
 * @param autonomy how far it acts on its own
 * @param internalDecisionSupport it supports internal decisions
 * @param knowledgeRetrieval it retrieves or summarizes knowledge
 * @param securityOperations it takes part in security operations
 * @param syntheticContent it generates or manipulates content published outside (Art. 50(2), 50(4))
 * @param emotionOrBiometric it recognizes emotions or categorizes people by biometrics (Art. 50(3))
 * @param prohibitedPractices Art. 5 practices it involves, e.g. {@code 5(1)(f)}
 */
public record RiskQuestionnaire(boolean personalData, boolean regulatedData, boolean customerFacing,
        List<String> annexIiiUseCases, boolean narrowProceduralTask, boolean profiling, Autonomy autonomy,
        boolean internalDecisionSupport, boolean knowledgeRetrieval, boolean securityOperations,
        boolean syntheticContent, boolean emotionOrBiometric, List<String> prohibitedPractices) {

    public RiskQuestionnaire {
        annexIiiUseCases = distinct(annexIiiUseCases);
        prohibitedPractices = distinct(prohibitedPractices);
    }

    /** The ticked codes, each once, in order; an empty entry ticks nothing. */
    private static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The Annex III use cases the Act lists (point 1(a) to 8(b)). */
    public static final Set<String> ANNEX_III = Set.of("1(a)", "1(b)", "1(c)", "2", "3(a)", "3(b)", "3(c)", "3(d)",
            "4(a)", "4(b)", "5(a)", "5(b)", "5(c)", "5(d)", "6(a)", "6(b)", "6(c)", "6(d)", "6(e)", "7(a)", "7(b)",
            "7(c)", "7(d)", "8(a)", "8(b)");

    /** The practices of Art. 5(1). */
    public static final Set<String> PROHIBITED = Set.of("5(1)(a)", "5(1)(b)", "5(1)(c)", "5(1)(d)", "5(1)(e)",
            "5(1)(f)", "5(1)(g)", "5(1)(h)");
}
