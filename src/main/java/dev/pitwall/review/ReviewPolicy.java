package dev.pitwall.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A workflow's review policy: the runtime check answers REVIEW when any rule matches the action.
 *
 * @param rules e.g. {@code [{"attribute":"amount","above":1000}]} (settlements above 1,000) or
 *     {@code [{"always":true}]} (every recommendation)
 */
public record ReviewPolicy(@NotNull @Size(max = 50) List<@Valid @NotNull Rule> rules) {

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
