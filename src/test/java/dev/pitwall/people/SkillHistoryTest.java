package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory answers of a skill history are those the two queries it replaces give. */
class SkillHistoryTest {

    private static final LocalDate MAR1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR1 = LocalDate.of(2026, 4, 1);

    private final SkillHistory history = history();

    private static SkillHistory history() {
        SkillHistory.Builder builder = new SkillHistory.Builder(List.of(1L, 2L, 3L));
        builder.add(1, 10, 100, 1, MAR1);
        builder.add(1, 11, 100, 3, APR1);
        builder.add(1, 13, 200, 2, MAR1);
        // Two assessments of one day: the later recorded (higher id) counts, as in the query.
        builder.add(1, 15, 200, 4, MAR1.plusDays(9));
        builder.add(1, 14, 200, 1, MAR1.plusDays(9));
        builder.add(2, 20, 100, 2, APR1.plusDays(5));
        return builder.build();
    }

    @Test
    void levelsAreThoseOfTheLatestAssessmentOnOrBeforeTheDate() {
        assertThat(history.levelsAsOf(List.of(1L, 2L, 3L), MAR1.minusDays(1))).isEmpty();
        assertThat(history.levelsAsOf(List.of(1L, 2L, 3L), MAR1)).isEqualTo(Map.of(1L, Map.of(100L, 1, 200L, 2)));
        assertThat(history.levelsAsOf(List.of(1L, 2L), MAR1.plusDays(9))).isEqualTo(Map.of(1L, Map.of(100L, 1, 200L, 4)));
        assertThat(history.levelsAsOf(List.of(1L, 2L), APR1.plusDays(5)))
                .isEqualTo(Map.of(1L, Map.of(100L, 3, 200L, 4), 2L, Map.of(100L, 2)));
        assertThat(history.levelsAsOf(List.of(2L), APR1)).isEmpty();
        assertThat(history.covers(3L)).isTrue();
        assertThat(history.covers(4L)).isFalse();
    }

    @Test
    void theFirstAssessmentIsOfTheSkillsAskedAtAnyDate() {
        assertThat(history.firstAssessedOn(List.of(1L, 2L), List.of(100L))).contains(MAR1);
        assertThat(history.firstAssessedOn(List.of(2L), List.of(100L, 200L))).contains(APR1.plusDays(5));
        assertThat(history.firstAssessedOn(List.of(1L), List.of(300L))).isEqualTo(Optional.empty());
        assertThat(history.firstAssessedOn(List.of(3L), List.of(100L))).isEmpty();
    }
}
