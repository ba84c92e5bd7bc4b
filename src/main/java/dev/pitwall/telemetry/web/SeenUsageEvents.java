package dev.pitwall.telemetry.web;

import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.telemetry.UsageEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Usage events as the viewer may see them: with the person's reference for holders of
 * {@code people:identify} (the view audited); otherwise with the person's pseudonym, without
 * their directory id and without the event's attributes (which may carry an email or user id).
 */
@Component
class SeenUsageEvents {

    private final PeopleData peopleData;

    SeenUsageEvents(PeopleData peopleData) {
        this.peopleData = peopleData;
    }

    /** Usage per day with counts of fewer people than the minimum group size withheld for those who may not identify people. */
    java.util.List<dev.pitwall.telemetry.DailyUsage> seenDaily(java.util.List<dev.pitwall.telemetry.DailyUsage> days) {
        return peopleData.identifies() ? days
                : days.stream().map(d -> d.withFewPeopleWithheld(peopleData.minGroupSize())).toList();
    }

    /** Usage per AI system, likewise. */
    java.util.List<dev.pitwall.telemetry.SystemUsage> seenSystems(java.util.List<dev.pitwall.telemetry.SystemUsage> systems) {
        return peopleData.identifies() ? systems
                : systems.stream().map(u -> u.withFewPeopleWithheld(peopleData.minGroupSize())).toList();
    }

    int minGroupSize() {
        return peopleData.minGroupSize();
    }

    /** Refuses a filter by person to those who may not identify people: it would identify them. */
    void checkPersonFilter(String person) {
        if (person != null && !person.isBlank() && !peopleData.identifies()) {
            throw new AccessDeniedException("Filtering usage events by person needs the people:identify permission.");
        }
    }

    /** The events of a query, described without the person it may be filtered by. */
    PageResult<UsageEvent> seen(PageResult<UsageEvent> page, dev.pitwall.telemetry.UsageEventQuery query) {
        String view = "usage events" + (query.person() != null ? " of one person" : "")
                + (query.system() != null ? " of system " + query.system() : "")
                + (query.workflow() != null ? " of workflow " + query.workflow() : "")
                + (query.batchId() != null ? " of ingestion batch " + query.batchId() : "")
                + (query.from() != null ? " from " + query.from() : "") + (query.to() != null ? " to " + query.to() : "")
                + ", page " + (page.page() + 1);
        return seen(page, view);
    }

    PageResult<UsageEvent> seen(PageResult<UsageEvent> page, String view) {
        long people = page.content().stream().map(e -> e.personId() != null ? e.personId() : e.personRef())
                .filter(java.util.Objects::nonNull).distinct().count();
        PeopleData.View seen = peopleData.open("usage-events", view, (int) people);
        if (seen.identified()) {
            return page;
        }
        return new PageResult<>(page.content().stream().map(e -> pseudonymous(e, seen)).toList(), page.page(),
                page.size(), page.totalElements(), page.totalPages());
    }

    private UsageEvent pseudonymous(UsageEvent e, PeopleData.View seen) {
        String reference = e.personId() != null ? seen.name(e.personId(), e.personRef())
                : e.personRef() == null ? null : "not in the directory";
        return new UsageEvent(e.id(), e.source(), e.time(), null, reference, e.systemKey(), e.workflowKey(),
                e.operation(), e.model(), e.inputTokens(), e.outputTokens(), e.cost(), e.latencyMs(), e.error(),
                e.outcome(), null, e.attribution(), e.ruleId(), e.batchId(), e.ingestedAt());
    }
}
