package dev.pitwall.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every skill assessment of a set of persons, read once, answering what
 * {@link SkillAssessmentService#levelsAsOf} and {@link SkillAssessmentService#firstAssessedOn}
 * answer with a query each. Scoring 500 workflows asked those two questions per workflow: a
 * thousand queries, a third of an organization scorecard's time at 10,000 people.
 */
public final class SkillHistory {

    /** One assessment; {@code id} breaks ties between assessments of the same day, as the queries do. */
    record Entry(long id, long skillId, int level, LocalDate assessedOn) {
    }

    private final Map<Long, List<Entry>> byPerson;

    SkillHistory(Map<Long, List<Entry>> byPerson) {
        this.byPerson = byPerson;
    }

    /** The persons whose history this holds; asking of others answers as if they were never assessed. */
    public boolean covers(long personId) {
        return byPerson.containsKey(personId);
    }

    /**
     * For each person and skill, the level of the latest assessment on or before {@code asOf} (the
     * highest id on the same day); a person or skill never assessed by then is absent.
     */
    public Map<Long, Map<Long, Integer>> levelsAsOf(Collection<Long> personIds, LocalDate asOf) {
        Map<Long, Map<Long, Integer>> levels = new HashMap<>();
        for (Long person : personIds) {
            Map<Long, Entry> latest = new HashMap<>();
            for (Entry e : byPerson.getOrDefault(person, List.of())) {
                if (e.assessedOn().isAfter(asOf)) {
                    continue;
                }
                latest.merge(e.skillId(), e, (a, b) -> later(a, b) ? a : b);
            }
            if (!latest.isEmpty()) {
                Map<Long, Integer> skills = new HashMap<>();
                latest.forEach((skill, e) -> skills.put(skill, e.level()));
                levels.put(person, skills);
            }
        }
        return levels;
    }

    /** The day of the first assessment of any of these skills of any of these persons, if any (at any date). */
    public Optional<LocalDate> firstAssessedOn(Collection<Long> personIds, Collection<Long> skillIds) {
        java.util.Set<Long> skills = new java.util.HashSet<>(skillIds);
        LocalDate first = null;
        for (Long person : personIds) {
            for (Entry e : byPerson.getOrDefault(person, List.of())) {
                if (skills.contains(e.skillId()) && (first == null || e.assessedOn().isBefore(first))) {
                    first = e.assessedOn();
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private static boolean later(Entry a, Entry b) {
        int byDay = a.assessedOn().compareTo(b.assessedOn());
        return byDay > 0 || byDay == 0 && a.id() > b.id();
    }

    /** Collects the rows read for the persons asked about; every one of them is covered, assessed or not. */
    static final class Builder {
        private final Map<Long, List<Entry>> byPerson = new HashMap<>();

        Builder(Collection<Long> personIds) {
            personIds.forEach(p -> byPerson.put(p, new ArrayList<>()));
        }

        void add(long personId, long id, long skillId, int level, LocalDate assessedOn) {
            byPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(new Entry(id, skillId, level, assessedOn));
        }

        SkillHistory build() {
            return new SkillHistory(byPerson);
        }
    }
}
