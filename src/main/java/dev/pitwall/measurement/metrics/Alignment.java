package dev.pitwall.measurement.metrics;

import dev.pitwall.measurement.Figure;
import java.util.Collection;

/**
 * Alignment of AI use with the organization's goals in the window W (PRODUCT.md, "Alignment"). An
 * event is aligned when it is attributed to a workflow that has an outcome KPI.
 * <ul>
 * <li>{@code misalignedUserShare} = share of people with ≥ 1 usage event whose events are more
 * than half unaligned;</li>
 * <li>{@code unalignedActivityShare} = unaligned events / all events.</li>
 * </ul>
 */
public final class Alignment {

    private Alignment() {
    }

    /** One person's (or unknown user's) events in the window and how many of them were aligned. */
    public record PersonUsage(String person, long events, long alignedEvents) {

        public boolean misaligned() {
            return events - alignedEvents > events / 2.0;
        }
    }

    public record Result(Figure misalignedUserShare, Figure unalignedActivityShare, long users, long misalignedUsers) {
    }

    public static Result of(Collection<PersonUsage> usage) {
        long users = 0;
        long misaligned = 0;
        long events = 0;
        long aligned = 0;
        for (PersonUsage p : usage) {
            if (p.events() <= 0) {
                continue;
            }
            users++;
            misaligned += p.misaligned() ? 1 : 0;
            events += p.events();
            aligned += p.alignedEvents();
        }
        if (users == 0) {
            String reason = "no usage events in the window";
            return new Result(Figure.missing("misalignedUserShare", "ratio", reason),
                    Figure.missing("unalignedActivityShare", "ratio", reason), 0, 0);
        }
        return new Result(Figure.of("misalignedUserShare", (double) misaligned / users, "ratio"),
                Figure.of("unalignedActivityShare", (double) (events - aligned) / events, "ratio"), users, misaligned);
    }
}
