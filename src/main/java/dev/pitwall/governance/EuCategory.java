package dev.pitwall.governance;

/** The EU AI Act category of a workflow's AI use. */
public enum EuCategory {
    /** Art. 5: a prohibited practice; the workflow may not run at all. */
    PROHIBITED,
    /** Art. 6(2) with an Annex III use case: the high-risk requirements and Art. 26 deployer duties. */
    HIGH_RISK,
    /** Art. 50: transparency obligations (interaction with people, synthetic content, emotion or biometric categorisation). */
    TRANSPARENCY,
    /** None of the above; Art. 4 AI literacy still applies. */
    MINIMAL
}
