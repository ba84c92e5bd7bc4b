package dev.pitwall.telemetry;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long raw usage events are kept, under {@code pitwall.telemetry.retention.*} (docs/privacy.md).
 *
 * @param rawEvents how long raw usage events are kept (e.g. {@code P13M}); older ones are deleted
 *        and their daily rollups, which scorecards read, kept; empty keeps them all
 * @param sweep how often the retention is applied
 */
@Validated
@ConfigurationProperties("pitwall.telemetry.retention")
public record UsageRetentionProperties(Period rawEvents, @NotNull @DefaultValue("1h") Duration sweep) {
}
