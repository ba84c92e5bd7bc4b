package dev.pitwall.portfolio;

/** Where an initiative is in its life. */
public enum InitiativeStage {
    PROPOSED, ACTIVE, SCALING, CLOSED
}
