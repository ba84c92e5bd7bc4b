package dev.pitwall.operations;

import dev.pitwall.governance.ControlImplementation;
import dev.pitwall.governance.ImplementationService;
import dev.pitwall.operations.internal.Incidents;
import dev.pitwall.operations.internal.SignedInPerson;
import dev.pitwall.people.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's work across operations and governance ("My work"). */
@Service
@Transactional(readOnly = true)
public class MyWorkService {

    private static final int SOON_DAYS = 30;

    private final Incidents incidents;
    private final FallbackService fallbacks;
    private final ImplementationService controls;
    private final SignedInPerson signedIn;
    private final OperatingReviewService reviews;
    private final Clock clock;

    MyWorkService(Incidents incidents, FallbackService fallbacks, ImplementationService controls,
            SignedInPerson signedIn, OperatingReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.incidents = incidents;
        this.fallbacks = fallbacks;
        this.controls = controls;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    public MyWork current() {
        Optional<Person> person = signedIn.current();
        if (person.isEmpty()) {
            return new MyWork(null, null, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        long id = person.get().id();
        LocalDate soon = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(SOON_DAYS);
        List<DrillSchedule> drills = fallbacks.scheduleOwnedBy(id).stream()
                .filter(d -> d.overdue() || !d.dueOn().isAfter(soon)).toList();
        List<ControlImplementation> expiring = controls.ownedBy(id).stream()
                .filter(c -> c.expiresOn() != null && !c.expiresOn().isAfter(soon)).toList();
        return new MyWork(id, person.get().name(), incidents.openAssignedTo(id), drills, expiring,
                reviews.dueFor(id, SOON_DAYS), reviews.openActionsOwnedBy(id));
    }
}
