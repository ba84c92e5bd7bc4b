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
 * @param writePath how accepted native and OTLP events reach the store: {@code direct} (stored before
 *     the response) or {@code kafka} (acknowledged once the Kafka brokers have them, stored in large
 *     batches by the store writers of {@code pitwall.telemetry.kafka.writer})
 * @param kafka the optional Kafka source of native usage events, and the Kafka write path
 * @param store where raw usage events are kept: {@code database} (the database's
 *     {@code telemetry_usage_event}) or {@code clickhouse} (ClickHouse, their keys in the database;
 *     docs/scaling.md)
 * @param clickhouse the ClickHouse server, for {@code store=clickhouse}
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
        @NotNull @DefaultValue("direct") WritePath writePath,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @NotNull @DefaultValue("database") Store store,
        @Valid @NotNull @DefaultValue ClickHouse clickhouse) {

    /** Where raw usage events are kept. */
    public enum Store {
        /** The database's {@code telemetry_usage_event}: PostgreSQL (partitioned) or H2. */
        DATABASE,
        /** ClickHouse, with their keys in the database (PostgreSQL). */
        CLICKHOUSE
    }

    /**
     * The ClickHouse server of {@code pitwall.telemetry.store=clickhouse}, over its HTTP interface.
     *
     * @param url e.g. {@code http://clickhouse:8123}
     * @param database created when missing, with its tables
     * @param user the ClickHouse user
     * @param password its password (sent as HTTP Basic authentication; never logged)
     * @param timeout how long one request to ClickHouse may take
     */
    public record ClickHouse(@NotBlank @DefaultValue("http://127.0.0.1:8123") String url,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*",
                    message = "letters, digits and _ only") @DefaultValue("pitwall") String database,
            @NotBlank @DefaultValue("default") String user,
            @DefaultValue("") String password,
            @NotNull @DefaultValue("60s") Duration timeout) {

        @Override
        public String toString() {
            // Configuration reports and logs print settings: never the password.
            return "ClickHouse[url=" + url + ", database=" + database + ", user=" + user + ", timeout=" + timeout + "]";
        }
    }

    /** How accepted events reach the store. */
    public enum WritePath {
        /** Stored in the request's transaction; the response counts what was stored. */
        DIRECT,
        /** Written to {@code pitwall.telemetry.kafka.writer.topic} ({@code acks=all}); stored by the writers. */
        KAFKA
    }

    /**
     * Whether this node sends accepted events through Kafka instead of storing them: native and OTLP
     * events, the volume sources, unless they came from the Kafka source (already a consumer). Reports,
     * proxy logs and reviews are a few rows a day and stay on the direct path.
     */
    public boolean queues(TelemetrySource source, TelemetrySource batchSource) {
        return writePath == WritePath.KAFKA && batchSource != TelemetrySource.KAFKA
                && (source == TelemetrySource.NATIVE || source == TelemetrySource.OTLP);
    }

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
     * @param writer the Kafka write path's topic and store writers
     */
    public record Kafka(@DefaultValue("false") boolean enabled,
            @NotBlank @DefaultValue("pitwall.usage-events") String topic,
            @NotBlank @DefaultValue("pitwall.usage-events.dlt") String deadLetterTopic,
            @NotBlank @DefaultValue("pitwall-telemetry") String groupId,
            @Min(1) @DefaultValue("1000") int maxPollRecords,
            @NotNull @DefaultValue("5s") Duration retryBackoff,
            @Valid @NotNull @DefaultValue Writer writer) {
    }

    /**
     * The Kafka write path ({@code pitwall.telemetry.write-path=kafka}).
     *
     * @param topic where ingestion nodes write accepted events, keyed by source and event id
     * @param deadLetterTopic where a writer puts records it cannot store (never expected: they were
     *     checked before they were acknowledged), with the reason in {@code pitwall-rejection}
     * @param enabled whether this node is one of the store writers (turn off on ingestion-only nodes)
     * @param groupId the consumer group the store writers share
     * @param maxPollRecords events stored together in one transaction
     * @param partitions the topic's partitions when Pitwall creates it: at most this many writers work
     *     at once, over all nodes
     * @param concurrency writers (consumers of the group) on this node
     * @param sendTimeout how long an ingestion request waits for the brokers' acknowledgement
     *     before answering 503 (nothing acknowledged)
     */
    public record Writer(@NotBlank @DefaultValue("pitwall.accepted-usage-events") String topic,
            @NotBlank @DefaultValue("pitwall.accepted-usage-events.dlt") String deadLetterTopic,
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("pitwall-store-writers") String groupId,
            @Min(1) @DefaultValue("5000") int maxPollRecords,
            @Min(1) @DefaultValue("12") int partitions,
            @Min(1) @DefaultValue("2") int concurrency,
            @NotNull @DefaultValue("30s") Duration sendTimeout) {
    }
}
