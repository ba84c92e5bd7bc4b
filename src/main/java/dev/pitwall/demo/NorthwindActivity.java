package dev.pitwall.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Draws the days a person works with an AI system over the demo's 90 days, so that over the last
 * 28 days they reach a chosen adoption level (PRODUCT.md: 0 none, 1 tried = 1 day, 2 occasional =
 * 2–7, 3 habitual = 8–15, 4 embedded = 16 or more) and the 62 days before follow the same habit.
 * People work on weekdays.
 */
final class NorthwindActivity {

    static final int DAYS = 90;
    static final int WINDOW = 28;

    private final LocalDate today;
    private final Random random;

    NorthwindActivity(LocalDate today, Random random) {
        this.today = today;
        this.random = random;
    }

    LocalDate first() {
        return today.minusDays(DAYS - 1);
    }

    /** A level drawn from shares of levels 0..4 (summing to 1). */
    int level(double... shares) {
        double draw = random.nextDouble();
        double cumulative = 0;
        for (int level = 0; level < shares.length; level++) {
            cumulative += shares[level];
            if (draw < cumulative) {
                return level;
            }
        }
        return shares.length - 1;
    }

    /** Active days giving {@code level} in the last 28 days, and the same habit before. */
    List<LocalDate> days(int level) {
        int inWindow = switch (level) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 2 + random.nextInt(6);
            case 3 -> 8 + random.nextInt(8);
            default -> 16 + random.nextInt(4);
        };
        List<LocalDate> windowWeekdays = weekdays(today.minusDays(WINDOW - 1), today);
        Collections.shuffle(windowWeekdays, random);
        TreeSet<LocalDate> days = new TreeSet<>(windowWeekdays.subList(0, Math.min(inWindow, windowWeekdays.size())));
        double rate = inWindow / (double) windowWeekdays.size();
        for (LocalDate day : weekdays(first(), today.minusDays(WINDOW))) {
            if (random.nextDouble() < rate) {
                days.add(day);
            }
        }
        return new ArrayList<>(days);
    }

    /** Weekdays of the 90 days, each kept with this probability (for habits not tied to a level). */
    List<LocalDate> daysWithRate(double rate) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day : weekdays(first(), today)) {
            if (random.nextDouble() < rate) {
                days.add(day);
            }
        }
        return days;
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }
}
