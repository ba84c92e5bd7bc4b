package dev.pitwall.portfolio;

import java.util.Optional;

/**
 * The {@code spec.lifecycle} section of a workflow's operating-model document: what a SEV1 incident
 * does to the workflow in production. Continuous management (operations) keeps the policy and
 * provides this bean; without it the section is neither exported nor accepted.
 */
public interface LifecycleSection {

    /** The workflow's policy ({@code DEMOTE}, {@code FALLBACK} or {@code NOTIFY}), empty when none is set. */
    Optional<String> onSev1(String workflowKey);

    /**
     * Sets the policy from a document; refuses an unknown value with
     * {@link dev.pitwall.platform.web.InvalidInputException} naming the field {@code onSev1}.
     */
    void apply(String workflowKey, String onSev1);
}
