package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IngestionBatch;
import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.TelemetryImports;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Usage events", description = "Native usage events: ingest as NDJSON or a JSON array, list and filter")
class UsageEventApiController {

    static final String NDJSON = "application/x-ndjson";

    private final TelemetryImports imports;
    private final UsageEventService events;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;
    private final Paging paging;

    private final SeenUsageEvents seenEvents;

    UsageEventApiController(TelemetryImports imports, UsageEventService events, RequestBodies bodies,
            IngestionLimiter limiter, Paging paging, SeenUsageEvents seenEvents) {
        this.seenEvents = seenEvents;
        this.imports = imports;
        this.events = events;
        this.bodies = bodies;
        this.limiter = limiter;
        this.paging = paging;
    }

    @PostMapping(path = "/usage-events", consumes = {NDJSON, "application/jsonl"})
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Ingest usage events (NDJSON, one event a line)", description = "Valid lines are stored, "
            + "lines whose id was stored before count as duplicates, each rejected line is named with its number and "
            + "reason. 400 USAGE_EVENTS_REJECTED when no line is valid, 413 over the size limits, 429 with Retry-After "
            + "when the node is busy. The response comes after the commit. May be gzip-compressed.")
    IngestionResult ingestNdjson(HttpServletRequest request) throws IOException {
        return limiter.run(() -> imports.nativeNdjson(bodies.read(request), PitwallPrincipal.currentActorName()));
    }

    @PostMapping(path = "/usage-events", consumes = "application/json")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Ingest usage events (a JSON array, or one event object)", description = "As for NDJSON; "
            + "rejections are numbered by the element's position (1 = first). Broken JSON answers 400 MALFORMED_BODY.")
    IngestionResult ingestJson(HttpServletRequest request) throws IOException {
        return limiter.run(() -> imports.nativeJson(bodies.read(request), PitwallPrincipal.currentActorName()));
    }

    @GetMapping("/usage-events")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "List usage events, newest first", description = "Filters: person (email, external id or the "
            + "anonymized reference), system and workflow (keys), from/to (ISO-8601 instants, to exclusive), source, "
            + "attribution (EXPLICIT, RULE, NONE), batch.")
    PageResult<UsageEvent> list(@RequestParam(required = false) String person,
            @RequestParam(required = false) String system, @RequestParam(required = false) String workflow,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) TelemetrySource source,
            @RequestParam(required = false) Attribution attribution, @RequestParam(required = false) Long batch,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        seenEvents.checkPersonFilter(person);
        UsageEventQuery query = new UsageEventQuery(person, system, workflow, from, to, source, attribution, batch);
        return seenEvents.seen(events.find(query, paging.of(page, size)), query);
    }

    @GetMapping("/ingestion-batches")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "List ingestion batches, newest first", description = "Each request that stored or refused "
            + "events is a batch, with its accounting and its first 100 rejections.")
    PageResult<IngestionBatch> batches(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return events.batches(paging.of(page, size));
    }

    @GetMapping("/ingestion-batches/{id}")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Get an ingestion batch")
    IngestionBatch batch(@PathVariable long id) {
        return events.batch(id);
    }
}
