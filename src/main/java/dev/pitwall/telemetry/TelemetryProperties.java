package dev.pitwall.telemetry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of telemetry ingestion, under {@code pitwall.telemetry.*}.
 *
 * @param maxRequestSize largest ingestion request body (413 above), after decompression
 * @param maxEventsPerRequest most events one request may carry (413 above)
 * @param maxConcurrentRequests ingestion requests processed at once on this node; more answer 429
 *     with {@code Retry-After} instead of queuing in memory
 * @param retryAfter the {@code Retry-After} given with 429 and 503
 * @param maxClockSkew how far in the future an event's time may lie (clocks of senders drift)
 * @param rollupSweep how often each node looks for batches not yet in the daily rollups (those of a
 *     node that stopped between committing a batch and rolling it up)
 */
@Validated
@ConfigurationProperties("pitwall.telemetry")
public record TelemetryProperties(
        @NotNull @DefaultValue("32MB") DataSize maxRequestSize,
        @Min(1) @DefaultValue("50000") int maxEventsPerRequest,
        @Min(1) @DefaultValue("4") int maxConcurrentRequests,
        @NotNull @DefaultValue("1s") Duration retryAfter,
        @NotNull @DefaultValue("1h") Duration maxClockSkew,
        @NotNull @DefaultValue("30s") Duration rollupSweep) {
}
