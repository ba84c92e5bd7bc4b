package dev.pitwall.telemetry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
 * @param rollupDelay how soon after a commit its events are in the daily rollups; the commits of
 *     that time are rolled up together, which makes rollups cheaper the busier ingestion is
 * @param kafka the optional Kafka source of native usage events
 */
@Validated
@ConfigurationProperties("pitwall.telemetry")
public record TelemetryProperties(
        @NotNull @DefaultValue("32MB") DataSize maxRequestSize,
        @Min(1) @DefaultValue("50000") int maxEventsPerRequest,
        @Min(1) @DefaultValue("4") int maxConcurrentRequests,
        @NotNull @DefaultValue("1s") Duration retryAfter,
        @NotNull @DefaultValue("1h") Duration maxClockSkew,
        @NotNull @DefaultValue("30s") Duration rollupSweep,
        @NotNull @DefaultValue("1s") Duration rollupDelay,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    /**
     * The Kafka source (brokers under {@code spring.kafka.bootstrap-servers}).
     *
     * @param enabled whether this node joins the consumer group
     * @param topic where native usage events arrive, one JSON event per record (the NDJSON schema)
     * @param deadLetterTopic where records that are not valid events go, with the reason in the
     *     {@code pitwall-rejection} header and their origin in {@code pitwall-original-*} headers
     * @param groupId the consumer group the nodes share
     * @param maxPollRecords records read, validated and committed together
     * @param retryBackoff the pause before reading a batch again after a failure to store it
     */
    public record Kafka(@DefaultValue("false") boolean enabled,
            @NotBlank @DefaultValue("pitwall.usage-events") String topic,
            @NotBlank @DefaultValue("pitwall.usage-events.dlt") String deadLetterTopic,
            @NotBlank @DefaultValue("pitwall-telemetry") String groupId,
            @Min(1) @DefaultValue("1000") int maxPollRecords,
            @NotNull @DefaultValue("5s") Duration retryBackoff) {
    }
}
