package dev.pitwall.operations;

import java.time.Instant;

/** One change of a monitor's state, with the value and samples that caused it. */
public record MonitorTransition(long monitorId, MonitorState from, MonitorState to, Double value, Long samples,
        String reason, Instant at) {
}
