package dev.pitwall.measurement.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.measurement.metrics.Alignment.PersonUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void aPersonIsMisalignedWhenMoreThanHalfOfTheirEventsAreUnaligned() {
        Alignment.Result result = Alignment.of(List.of(
                new PersonUsage("a", 10, 10),   // aligned
                new PersonUsage("b", 10, 5),    // exactly half unaligned: not more than half
                new PersonUsage("c", 10, 4),    // 6 of 10 unaligned: misaligned
                new PersonUsage("d", 4, 0),     // all unaligned: misaligned
                new PersonUsage("e", 0, 0)));   // no events: not a user
        assertThat(result.users()).isEqualTo(4);
        assertThat(result.misalignedUsers()).isEqualTo(2);
        assertThat(result.misalignedUserShare().value()).isEqualTo(0.5);
        // unaligned events 0 + 5 + 6 + 4 = 15 of 34
        assertThat(result.unalignedActivityShare().value()).isEqualTo(15.0 / 34);
    }

    @Test
    void noUsageMeansNullWithAReason() {
        Alignment.Result result = Alignment.of(List.of());
        assertThat(result.misalignedUserShare().value()).isNull();
        assertThat(result.unalignedActivityShare().reason()).isEqualTo("no usage events in the window");
    }
}
