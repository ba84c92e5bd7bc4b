package dev.pitwall.telemetry;

/** Counts of people as a viewer who may not identify people sees them (docs/privacy.md). */
final class Privacy {

    private Privacy() {
    }

    /** The count, or {@code null} when it names fewer people than {@code minGroupSize} (0 stays 0). */
    static Long shown(Long people, int minGroupSize) {
        return people == null || people > 0 && people < minGroupSize ? null : people;
    }
}
