package dev.pitwall.people;

import java.util.Map;

/**
 * Headline figures of the directory (active people only).
 *
 * @param activePeople people in the organization
 * @param teams number of teams
 * @param skills skills in the catalog
 * @param byTier active people per AI workforce tier
 * @param byLevel active people per level
 * @param peopleAssessed active people with at least one skill assessment
 * @param peopleTrained active people with at least one completed or passed learning record
 */
public record DirectoryFigures(long activePeople, long teams, long skills, Map<Tier, Long> byTier,
        Map<Level, Long> byLevel, long peopleAssessed, long peopleTrained) {

    /** Share of active people assessed, 0..1, or {@code null} with no people. */
    public Double assessedShare() {
        return activePeople == 0 ? null : (double) peopleAssessed / activePeople;
    }

    /** Share of active people trained, 0..1, or {@code null} with no people. */
    public Double trainedShare() {
        return activePeople == 0 ? null : (double) peopleTrained / activePeople;
    }
}
