package dev.pitwall.governance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of governance, under {@code pitwall.governance.*}.
 *
 * @param evidenceMaxBytes the largest evidence file accepted (bytes); larger uploads answer 413
 * @param expirySweep how often expired evidence is looked for (controls in place whose evidence
 *     expired turn back to PLANNED); it also runs at start
 */
@Validated
@ConfigurationProperties("pitwall.governance")
public record GovernanceProperties(
        @Min(1024) @Max(19 * 1024 * 1024) @DefaultValue("10485760") long evidenceMaxBytes,
        @DefaultValue("1h") Duration expirySweep) {
}
