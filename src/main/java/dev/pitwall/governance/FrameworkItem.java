package dev.pitwall.governance;

/**
 * One entry of a framework catalog: a NIST AI RMF subcategory, a NIST AI 600-1 risk, an ISO/IEC
 * 42001 Annex A control (identifier and short title only) or an EU AI Act provision.
 *
 * @param kind e.g. {@code subcategory}, {@code control}, {@code deployer_obligation}
 * @param groupRef the category or objective group, when the framework has one
 * @param text the full text where the source's rights allow it (never for ISO/IEC 42001)
 * @param actor for the EU AI Act, who the provision binds
 * @param appliesFrom for the EU AI Act, the date it applies from
 */
public record FrameworkItem(Framework framework, String ref, String kind, String groupRef, String groupTitle,
        String title, String text, String actor, String appliesFrom) {
}
