package dev.pitwall.governance;

/** How far the AI acts on its own in the workflow. */
public enum Autonomy {
    /** It suggests; a person decides and acts. */
    SUGGESTS,
    /** It acts once a person approved each action. */
    ACTS_WITH_APPROVAL,
    /** It acts without a person approving each action. */
    ACTS_ALONE
}
