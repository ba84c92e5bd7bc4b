package dev.pitwall.telemetry.github;

import java.util.List;

/**
 * GitHub's AI adoption phases (usage metrics since 2026-05-29): each engaged user is classified by
 * the Copilot surfaces used on at least two days of the last 28.
 */
public enum AdoptionPhase {
    NO_COHORT(0, "no cohort"),
    CODE_FIRST(1, "code first"),
    AGENT_FIRST(2, "agent first"),
    MULTI_AGENT(3, "multi-agent");

    private final int number;
    private final String label;

    AdoptionPhase(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** The phase of a number GitHub reports, if it is one of the four known today. */
    public static java.util.Optional<AdoptionPhase> of(int number) {
        return number >= 0 && number < values().length ? java.util.Optional.of(values()[number])
                : java.util.Optional.empty();
    }

    /** The name of a phase number: the known phase's, or "phase n" for one GitHub added later. */
    public static String label(int number) {
        return of(number).map(AdoptionPhase::label).orElse("phase " + number);
    }

    /** Every phase, in GitHub's order. */
    public static List<AdoptionPhase> all() {
        return List.of(values());
    }
}
