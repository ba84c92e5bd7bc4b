package dev.pitwall.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of insight, under {@code pitwall.insight.*}.
 *
 * @param expectationRequired whether the production gate fails for a workflow without a
 *     pre-registered expectation (by default, only a recorded expectation is judged)
 * @param minGroupSize the fewest answers or people a figure about a group may rest on; smaller
 *     groups are withheld (pulse results, what explains outcomes)
 */
@ConfigurationProperties("pitwall.insight")
@Validated
public record InsightProperties(@DefaultValue("false") boolean expectationRequired,
        @DefaultValue("5") @Min(2) @Max(1000) int minGroupSize) {
}
