package dev.pitwall.measurement;

import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.platform.privacy.SmallGroups;
import dev.pitwall.telemetry.github.AdoptionPhase;
import dev.pitwall.telemetry.github.AdoptionPhases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A workflow's adoption by cohort of GitHub's AI adoption phase: its intended users grouped by the
 * phase GitHub reported for them last in the 28 days to the as-of date (docs/metrics.md, "Adoption
 * by AI adoption phase"), each cohort with the workflow's reach and adoption depth among its
 * members. Cohorts that would reveal fewer than the minimum group size are withheld for viewers
 * without people:identify, as is any cohort the others would let one work out.
 */
@Service
public class AdoptionCohorts {

    /** The cohort of intended users GitHub reported no phase for. */
    public static final String UNCLASSIFIED = "unclassified";

    private final ScorecardService scorecards;
    private final AdoptionPhases phases;
    private final PeopleData peopleData;

    AdoptionCohorts(ScorecardService scorecards, AdoptionPhases phases, PeopleData peopleData) {
        this.scorecards = scorecards;
        this.phases = phases;
        this.peopleData = peopleData;
    }

    /**
     * One cohort; the figures are null when it is withheld or empty.
     *
     * @param reach share of the cohort's intended users with at least one active day in the window
     * @param adoptionDepth mean of level/4 over the cohort
     */
    public record Cohort(String phase, Integer phaseNumber, Integer people, Double reach, Double adoptionDepth,
            boolean withheld) {
    }

    /** The workflow's cohorts; {@code classified} is false when GitHub reported no phase for any intended user. */
    public record PhaseCohorts(String workflowKey, LocalDate asOf, int intendedUsers, boolean classified,
            int minGroupSize, boolean identified, List<Cohort> cohorts) {
    }

    public PhaseCohorts byPhase(String key, LocalDate asOf) {
        LocalDate day = scorecards.asOf(asOf);
        Map<Long, Integer> levels = scorecards.intendedUserLevels(key, day);
        Map<Long, Integer> phaseOf = phases.asOf(day);
        java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>();
        AdoptionPhase.all().forEach(p -> numbers.add(p.number()));
        levels.keySet().stream().map(phaseOf::get).filter(java.util.Objects::nonNull).forEach(numbers::add);
        Map<String, List<Integer>> byCohort = new LinkedHashMap<>();
        Map<String, Integer> numberOf = new LinkedHashMap<>();
        for (int number : numbers) {
            byCohort.put(AdoptionPhase.label(number), new ArrayList<>());
            numberOf.put(AdoptionPhase.label(number), number);
        }
        byCohort.put(UNCLASSIFIED, new ArrayList<>());
        levels.forEach((person, level) -> {
            Integer phase = phaseOf.get(person);
            byCohort.get(phase == null ? UNCLASSIFIED : AdoptionPhase.label(phase)).add(level);
        });
        boolean identified = peopleData.identifies();
        int k = peopleData.minGroupSize();
        Map<String, Long> counts = new LinkedHashMap<>();
        byCohort.forEach((label, members) -> counts.put(label, (long) members.size()));
        Set<String> withheld = identified ? Set.of() : SmallGroups.withheld(counts, levels.size(), k);
        List<Cohort> cohorts = new ArrayList<>();
        byCohort.forEach((label, members) -> {
            Integer number = numberOf.get(label);
            if (withheld.contains(label)) {
                cohorts.add(new Cohort(label, number, null, null, null, true));
            } else if (members.isEmpty()) {
                cohorts.add(new Cohort(label, number, 0, null, null, false));
            } else {
                double reached = members.stream().filter(level -> level > 0).count();
                double depth = members.stream().mapToDouble(level -> level / 4.0).sum();
                cohorts.add(new Cohort(label, number, members.size(), reached / members.size(), depth / members.size(),
                        false));
            }
        });
        boolean classified = levels.keySet().stream().anyMatch(phaseOf::containsKey);
        return new PhaseCohorts(key, day, levels.size(), classified, k, identified, cohorts);
    }
}
