package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdoptionTest {

    @Test
    void levelsFollowTheActiveDayBands() {
        assertThat(new int[] {Adoption.level(0), Adoption.level(1), Adoption.level(2), Adoption.level(7),
            Adoption.level(8), Adoption.level(15), Adoption.level(16), Adoption.level(28)})
                .containsExactly(0, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void reachAndDepthAreTakenOverTheIntendedUsersOnly() {
        // Intended users 1..4: 0, 1, 10 and 20 active days -> levels 0, 1, 3, 4.
        // Person 9 is active but not an intended user and does not count.
        Adoption.Result result = Adoption.of(Set.of(1L, 2L, 3L, 4L), Map.of(2L, 1, 3L, 10, 4L, 20, 9L, 28));
        assertThat(result.reach().value()).isEqualTo(0.75);
        // (0 + 1/4 + 3/4 + 4/4) / 4 = 2/4 = 0.5
        assertThat(result.adoptionDepth().value()).isCloseTo(0.5, within(1e-12));
        assertThat(result.peopleByLevel()).containsEntry(0, Set.of(1L)).containsEntry(1, Set.of(2L))
                .containsEntry(2, Set.of()).containsEntry(3, Set.of(3L)).containsEntry(4, Set.of(4L));
    }

    @Test
    void noIntendedUsersMeansNoDepthWithAReason() {
        Adoption.Result result = Adoption.of(Set.of(), Map.of(1L, 5));
        assertThat(result.adoptionDepth().value()).isNull();
        assertThat(result.adoptionDepth().reason()).isEqualTo("no intended users");
        assertThat(result.reach().reason()).isEqualTo("no intended users");
    }

    @Test
    void ratesIgnoreUnknownOutcomes() {
        // 6 accepted, 2 edited, 1 overridden, 1 rejected: acceptance 6/10, override 2/10.
        var rates = Adoption.rates(new OutcomeCounts(6, 2, 1, 1));
        assertThat(rates[0].value()).isEqualTo(0.6);
        assertThat(rates[1].value()).isEqualTo(0.2);
        var none = Adoption.rates(OutcomeCounts.NONE);
        assertThat(none[0].value()).isNull();
        assertThat(none[1].reason()).contains("no usage event");
    }
}
