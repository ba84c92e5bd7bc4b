package dev.pitwall.telemetry.github;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * GitHub's AI adoption phase of each person as a cohort the scorecards and insight analyses can
 * use: the phase of the person's latest GitHub Copilot user-day in the 28 days ending on the as-of
 * date (GitHub classifies over the same rolling 28 days). People without such a day have no phase.
 */
@Service
public class AdoptionPhases {

    /** GitHub's classification window, and so how far back a person's latest phase is looked for. */
    public static final int WINDOW_DAYS = 28;

    private final GitHubUserDays userDays;

    AdoptionPhases(GitHubUserDays userDays) {
        this.userDays = userDays;
    }

    /**
     * Each person's phase number as of the day (see {@link AdoptionPhase#label(int)}), by person id;
     * people with no classified day are absent.
     */
    public Map<Long, Integer> asOf(LocalDate day) {
        return new HashMap<>(GitHubUserDays.latestPhases(userDays.between(day.minusDays(WINDOW_DAYS - 1L), day)));
    }
}
