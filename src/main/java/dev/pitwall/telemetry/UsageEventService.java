package dev.pitwall.telemetry;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.NotFoundException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored usage events and the batches they arrived in. */
@Service
@Transactional(readOnly = true)
public class UsageEventService {

    private final UsageEvents events;
    private final Batches batches;
    private final PersonService people;

    UsageEventService(UsageEvents events, Batches batches, PersonService people) {
        this.events = events;
        this.batches = batches;
        this.people = people;
    }

    public PageResult<UsageEvent> find(UsageEventQuery query, PageQuery page) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw InvalidInputException.ofField("to", "must be after from");
        }
        SqlWhere where = new SqlWhere();
        if (query.person() != null) {
            Optional<Person> person = query.person().contains("@") ? people.findByEmail(query.person())
                    : people.findByExternalId(query.person());
            where.and(person.isPresent() ? "e.person_id = :personId" : "e.person_ref = :personRef",
                    person.isPresent() ? "personId" : "personRef", person.<Object>map(Person::id).orElse(query.person()));
        }
        where.and("e.system_id = (SELECT id FROM portfolio_ai_system WHERE system_key = :system)", "system", query.system())
                .and("e.workflow_id = (SELECT id FROM portfolio_workflow WHERE workflow_key = :workflow)", "workflow",
                        query.workflow())
                .and("e.occurred_at >= :from", "from", query.from() == null ? null : utc(query.from()))
                .and("e.occurred_at < :to", "to", query.to() == null ? null : utc(query.to()))
                // The same range in days: it reads only its months' partitions (docs/scaling.md).
                .and("e.event_day >= :fromDay", "fromDay", query.from() == null ? null
                        : query.from().atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .and("e.event_day <= :toDay", "toDay", query.to() == null ? null
                        : query.to().atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .and("e.source = :source", "source", query.source())
                .and("e.attribution = :attribution", "attribution", query.attribution())
                .and("e.batch_id = :batchId", "batchId", query.batchId());
        return PageResult.of(events.find(where, page), page, events.count(where));
    }

    public PageResult<IngestionBatch> batches(PageQuery page) {
        return PageResult.of(batches.recent(page), page, batches.count());
    }

    /** Every source, in declaration order, with what it delivered (zeros when nothing yet). */
    public java.util.List<SourceStatus> sources() {
        java.util.Map<TelemetrySource, SourceStatus> found = new java.util.EnumMap<>(TelemetrySource.class);
        batches.bySource().forEach(s -> found.put(s.source(), s));
        return java.util.Arrays.stream(TelemetrySource.values())
                .map(s -> found.getOrDefault(s, new SourceStatus(s, 0, 0, 0, 0, 0, null))).toList();
    }

    public IngestionBatch batch(long id) {
        return batches.findById(id).orElseThrow(() -> new BatchNotFound(id));
    }

    /** No batch has this id (404). */
    public static class BatchNotFound extends NotFoundException {
        BatchNotFound(long id) {
            super("BATCH_NOT_FOUND", "Ingestion batch", id);
        }
    }
}
