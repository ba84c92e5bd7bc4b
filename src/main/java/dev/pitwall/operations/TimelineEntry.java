package dev.pitwall.operations;

import java.time.Instant;

/**
 * One entry of an incident's timeline.
 *
 * @param actor who did it: a user's name, {@code pitwall} for the evaluator, or the system deployed
 * @param personName the person it concerns (routed or escalated to, acknowledged by), or {@code null}
 */
public record TimelineEntry(Instant at, TimelineKind kind, String actor, String personName, String detail) {
}
