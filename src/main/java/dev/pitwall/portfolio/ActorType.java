package dev.pitwall.portfolio;

/** Who performs a step of a workflow. */
public enum ActorType {
    HUMAN, AI, SYSTEM
}
