package dev.pitwall.review;

/** Why a reviewer did not accept an output as it was. */
public enum ReviewReason {
    FACTUALLY_WRONG, POLICY_BREACH, INCOMPLETE, WRONG_TONE, OTHER
}
