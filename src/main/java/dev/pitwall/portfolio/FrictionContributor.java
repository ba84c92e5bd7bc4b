package dev.pitwall.portfolio;

/**
 * A part of a workflow's friction contributed by another module (measurement contributes
 * "missing baseline").
 */
public interface FrictionContributor {

    /** Stable id, e.g. {@code missing-baseline}. */
    String id();

    /** Its name for people. */
    String label();

    /** This part's friction points for the workflow (0 when none). */
    int frictionOf(Workflow workflow);
}
