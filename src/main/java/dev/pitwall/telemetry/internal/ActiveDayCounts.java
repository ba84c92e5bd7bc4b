package dev.pitwall.telemetry.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Person id → active days of one workflow in a window, as two sorted arrays: an organization
 * scorecard holds 200,000 of these counts at 10,000 people and 500 workflows, and a map of boxed
 * entries cost more to fill than the counting itself. Read-only; persons without active days are absent.
 */
final class ActiveDayCounts extends AbstractMap<Long, Integer> {

    private final long[] people;
    private final int[] days;

    /** {@code people} ascending and without repeats; {@code days[i] > 0} is person i's count. */
    ActiveDayCounts(long[] people, int[] days) {
        this.people = people;
        this.days = days;
    }

    /** The counts of two windows' parts (two months) added, person by person. */
    ActiveDayCounts plus(ActiveDayCounts other) {
        long[] mergedPeople = new long[people.length + other.people.length];
        int[] mergedDays = new int[mergedPeople.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < people.length || j < other.people.length) {
            if (j == other.people.length || i < people.length && people[i] < other.people[j]) {
                mergedPeople[n] = people[i];
                mergedDays[n++] = days[i++];
            } else if (i == people.length || other.people[j] < people[i]) {
                mergedPeople[n] = other.people[j];
                mergedDays[n++] = other.days[j++];
            } else {
                mergedPeople[n] = people[i];
                mergedDays[n++] = days[i++] + other.days[j++];
            }
        }
        return new ActiveDayCounts(Arrays.copyOf(mergedPeople, n), Arrays.copyOf(mergedDays, n));
    }

    private int indexOf(Object key) {
        return key instanceof Long person ? Arrays.binarySearch(people, person) : -1;
    }

    @Override
    public Integer get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? days[i] : null;
    }

    @Override
    public Integer getOrDefault(Object key, Integer defaultValue) {
        int i = indexOf(key);
        return i >= 0 ? days[i] : defaultValue;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return people.length;
    }

    @Override
    public Set<Entry<Long, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Long, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < people.length;
                    }

                    @Override
                    public Entry<Long, Integer> next() {
                        if (next >= people.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(people[i], days[i]);
                    }
                };
            }

            @Override
            public int size() {
                return people.length;
            }
        };
    }
}
