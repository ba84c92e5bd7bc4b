package dev.pitwall.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A workflow's review policy: the runtime check answers REVIEW when any rule matches the action;
 * items are decided within the deadline or escalated; submitted content is kept only if allowed.
 *
 * @param rules e.g. {@code [{"attribute":"amount","above":1000}]} (settlements above 1,000) or
 *     {@code [{"always":true}]} (every recommendation)
 * @param deadlineHours how long the routed person has to decide before the item escalates
 *     ({@code null}: {@code pitwall.review.deadline}, 4 hours)
 * @param keepContent whether the content of submitted output is stored ({@code null} or false: a
 *     submission with content is refused, so nothing sent is silently dropped)
 * @param contentRetentionDays how many days stored content is kept before it is removed from the
 *     item (summary and decision stay; {@code null}: {@code pitwall.review.content-retention}, 30 days)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ReviewPolicy(@NotNull @Size(max = 50) List<@Valid @NotNull Rule> rules,
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(720) Integer deadlineHours,
        Boolean keepContent,
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(3650) Integer contentRetentionDays) {

    public ReviewPolicy(List<Rule> rules) {
        this(rules, null, null, null);
    }

    /** Whether content may be stored. */
    public boolean keepsContent() {
        return Boolean.TRUE.equals(keepContent);
    }

    /**
     * One rule: {@code always}, or a numeric {@code attribute} of the action {@code above} a value.
     * An action without the attribute, or with a value that is not a number, matches (a person
     * decides what the rule cannot judge).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Rule(Boolean always, @Size(max = 50) String attribute, BigDecimal above) {

        public String describe() {
            return Boolean.TRUE.equals(always) ? "every action is reviewed" : attribute + " above " + above.toPlainString();
        }
    }
}
