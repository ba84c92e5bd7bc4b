package dev.pitwall.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The {@code spec.review} section of a workflow's operating-model document: the rules under which
 * the runtime check asks for a person's review. Human review (module review) keeps the policy and
 * provides this bean; without it the section is neither exported nor accepted.
 */
public interface ReviewPolicySection {

    /** One rule as the document states it: {@code always: true}, or an attribute and the value it must be above. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Rule(Boolean always, String attribute, BigDecimal above) {
    }

    /** The workflow's rules, empty when it has no policy. */
    Optional<List<Rule>> rules(String workflowKey);

    /**
     * Sets the policy from a document; refuses a bad rule with
     * {@link dev.pitwall.platform.web.InvalidInputException} naming the field {@code rules[i]}.
     */
    void apply(String workflowKey, List<Rule> rules);
}
