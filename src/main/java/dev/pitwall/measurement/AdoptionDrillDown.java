package dev.pitwall.measurement;

import dev.pitwall.platform.privacy.PeopleData;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The drill-down from a workflow's adoption level to its people, as the viewer may see it: named
 * (and audited) for holders of {@code people:identify}; otherwise under pseudonyms, without email
 * or team, and withheld altogether when the level has fewer people than the minimum group size.
 */
@Service
public class AdoptionDrillDown {

    private final ScorecardService scorecards;
    private final PeopleData peopleData;

    AdoptionDrillDown(ScorecardService scorecards, PeopleData peopleData) {
        this.scorecards = scorecards;
        this.peopleData = peopleData;
    }

    /**
     * The people of one adoption level.
     *
     * @param people the rows shown (empty when withheld)
     * @param count how many people the level has (null when withheld: "fewer than minGroupSize")
     * @param identified whether the rows name people
     * @param withheld whether the level is too small to show under pseudonyms
     */
    public record Level(List<ScorecardService.AdoptionPerson> people, Integer count, boolean identified,
            boolean withheld, int minGroupSize) {
    }

    public int minGroupSize() {
        return peopleData.minGroupSize();
    }

    public Level people(String key, int level, LocalDate asOf) {
        LocalDate day = scorecards.asOf(asOf);
        List<ScorecardService.AdoptionPerson> named = scorecards.peopleAtLevel(key, level, day);
        PeopleData.View view = peopleData.open("adoption-drill-down", "adoption level " + level + " of workflow " + key + " as of " + day,
                named.size());
        int min = peopleData.minGroupSize();
        if (view.identified()) {
            return new Level(named, named.size(), true, false, min);
        }
        if (!named.isEmpty() && named.size() < min) {
            return new Level(List.of(), null, false, true, min);
        }
        List<ScorecardService.AdoptionPerson> pseudonymous = named.stream()
                .map(p -> new ScorecardService.AdoptionPerson(null, view.name(p.id(), p.name()), null, null, p.tier(),
                        p.activeDays(), p.level()))
                .sorted(Comparator.comparing(ScorecardService.AdoptionPerson::activeDays).reversed()
                        .thenComparing(ScorecardService.AdoptionPerson::name))
                .toList();
        return new Level(pseudonymous, pseudonymous.size(), false, false, min);
    }
}
