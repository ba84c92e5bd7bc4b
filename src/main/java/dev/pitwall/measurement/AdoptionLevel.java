package dev.pitwall.measurement;

import dev.pitwall.measurement.metrics.Adoption;

/** A person's adoption level from their active days in the window (docs/metrics.md), for other modules. */
public final class AdoptionLevel {

    private AdoptionLevel() {
    }

    /** 0 none, 1 tried, 2 occasional, 3 habitual, 4 embedded. */
    public static int of(int activeDays) {
        return Adoption.level(activeDays);
    }
}
