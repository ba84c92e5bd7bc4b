package dev.pitwall.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of insight, under {@code pitwall.insight.*}.
 *
 * @param expectationRequired whether the production gate fails for a workflow without a
 *     pre-registered expectation (by default, only a recorded expectation is judged)
 */
@ConfigurationProperties("pitwall.insight")
public record InsightProperties(@DefaultValue("false") boolean expectationRequired) {
}
