package dev.pitwall.telemetry;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.NotFoundException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.telemetry.internal.Batches;
import dev.pitwall.telemetry.internal.ReferenceCache;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored usage events and the batches they arrived in. */
@Service
@Transactional(readOnly = true)
public class UsageEventService {

    private final UsageEventStore events;
    private final Batches batches;
    private final PersonService people;
    private final ReferenceCache references;

    UsageEventService(UsageEventStore events, Batches batches, PersonService people, ReferenceCache references) {
        this.references = references;
        this.events = events;
        this.batches = batches;
        this.people = people;
    }

    public PageResult<UsageEvent> find(UsageEventQuery query, PageQuery page) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw InvalidInputException.ofField("to", "must be after from");
        }
        Long personId = null;
        String personRef = null;
        if (query.person() != null) {
            Optional<Person> person = query.person().contains("@") ? people.findByEmail(query.person())
                    : people.findByExternalId(query.person());
            personId = person.map(Person::id).orElse(null);
            personRef = person.isPresent() ? null : query.person();
        }
        UsageEventFilter filter = new UsageEventFilter(query.source(), personId, personRef,
                id(query.system(), ReferenceCache.References::systemIds),
                id(query.workflow(), ReferenceCache.References::workflowIds), query.from(), query.to(),
                query.attribution(), query.batchId());
        return PageResult.of(events.find(filter, page), page, events.count(filter));
    }

    /**
     * The id of an AI system or workflow key, read again when not among the cached references (one
     * registered a moment ago); {@link UsageEventFilter#NO_ID} when none has it.
     */
    private Long id(String key, java.util.function.Function<ReferenceCache.References, java.util.Map<String, Long>> ids) {
        if (key == null) {
            return null;
        }
        Long id = ids.apply(references.get()).get(key);
        if (id == null) {
            id = ids.apply(references.reload(references.now())).get(key);
        }
        return id == null ? UsageEventFilter.NO_ID : id;
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
