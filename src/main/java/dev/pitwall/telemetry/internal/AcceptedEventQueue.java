package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.IngestionUnavailable;
import dev.pitwall.telemetry.TelemetrySource;
import java.util.List;

/**
 * The Kafka write path's sending half ({@code pitwall.telemetry.write-path=kafka}): ingestion hands
 * it the events it checked and resolved, and acknowledges the request only when this returns.
 */
public interface AcceptedEventQueue {

    /**
     * Sends the events and returns once the brokers have acknowledged every one ({@code acks=all}).
     *
     * @param source whose id space the events belong to
     * @param batchSource how they arrived (recorded with the store writer's batch)
     * @throws IngestionUnavailable when not all were acknowledged in time
     */
    void send(TelemetrySource source, TelemetrySource batchSource, List<ResolvedEvent> events);

    /**
     * Events the brokers acknowledged that the store writers have not stored yet (the writers'
     * consumer lag), or empty when the brokers do not answer within a few seconds.
     */
    java.util.OptionalLong backlog();
}
