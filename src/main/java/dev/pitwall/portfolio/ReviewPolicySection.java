package dev.pitwall.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The {@code spec.review} section of a workflow's operating-model document: the rules under which
 * the runtime check asks for a person's review, the review deadline, and whether the content of
 * reviewed output is kept and for how long. Human review (module review) keeps the policy and
 * provides this bean; without it the section is neither exported nor accepted.
 */
public interface ReviewPolicySection {

    /** One rule as the document states it: {@code always: true}, or an attribute and the value it must be above. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Rule(Boolean always, String attribute, BigDecimal above) {
    }

    /**
     * The section.
     *
     * @param rules when the runtime check asks for review
     * @param deadlineHours how long a reviewer has before the item escalates ({@code null}: the default)
     * @param keepContent whether submitted content is stored ({@code null}: no)
     * @param contentRetentionDays how long stored content is kept ({@code null}: the default)
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Policy(List<Rule> rules, Integer deadlineHours, Boolean keepContent, Integer contentRetentionDays) {
    }

    /** The workflow's policy, empty when it has none. */
    Optional<Policy> policy(String workflowKey);

    /**
     * Sets the policy from a document; refuses a bad value with
     * {@link dev.pitwall.platform.web.InvalidInputException} naming the field, e.g. {@code rules[i]}.
     */
    void apply(String workflowKey, Policy policy);
}
