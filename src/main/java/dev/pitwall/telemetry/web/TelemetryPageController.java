package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IngestionBatch;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventQuery;
import dev.pitwall.telemetry.UsageEventService;
import dev.pitwall.telemetry.UsageRollupService;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The ingestion page: sources, pipeline health, unattributed activity, batches and events. */
@Controller
@PreAuthorize(Permission.Checks.TELEMETRY_READ)
class TelemetryPageController {

    /** The window of the unattributed-activity table, as the scorecards use. */
    static final int WINDOW_DAYS = 28;

    private final UsageEventService events;
    private final UsageRollupService usage;
    private final RollupService rollups;
    private final IngestionLimiter limiter;
    private final TelemetryProperties properties;
    private final Paging paging;
    private final Clock clock;

    private final SeenUsageEvents seenEvents;
    private final dev.pitwall.telemetry.discovery.AiDiscovery discovery;
    private final dev.pitwall.telemetry.UsageEventRetention retention;
    private final org.springframework.beans.factory.ObjectProvider<dev.pitwall.telemetry.internal.AcceptedEventQueue> queue;

    TelemetryPageController(UsageEventService events, UsageRollupService usage, RollupService rollups,
            IngestionLimiter limiter, TelemetryProperties properties, Paging paging, Clock clock,
            SeenUsageEvents seenEvents, dev.pitwall.telemetry.discovery.AiDiscovery discovery,
            dev.pitwall.telemetry.UsageEventRetention retention,
            org.springframework.beans.factory.ObjectProvider<dev.pitwall.telemetry.internal.AcceptedEventQueue> queue) {
        this.queue = queue;
        this.retention = retention;
        this.seenEvents = seenEvents;
        this.discovery = discovery;
        this.events = events;
        this.usage = usage;
        this.rollups = rollups;
        this.limiter = limiter;
        this.properties = properties;
        this.paging = paging;
        this.clock = clock;
    }

    @GetMapping("/telemetry")
    String overview(@RequestParam(required = false) Integer page, Model model) {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(WINDOW_DAYS - 1);
        model.addAttribute("sources", events.sources());
        model.addAttribute("retention", retention.retention());
        model.addAttribute("pendingRollups", rollups.pending());
        model.addAttribute("inFlight", limiter.inFlight());
        model.addAttribute("maxConcurrent", properties.maxConcurrentRequests());
        model.addAttribute("kafka", properties.kafka());
        dev.pitwall.telemetry.internal.AcceptedEventQueue writePath = queue.getIfAvailable();
        if (writePath != null) {
            java.util.OptionalLong backlog = writePath.backlog();
            model.addAttribute("writePathBacklog", backlog.isPresent() ? (Object) backlog.getAsLong() : null);
            model.addAttribute("writePath", true);
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("systems", seenEvents.seenSystems(usage.bySystem(from, to)));
        model.addAttribute("minGroupSize", seenEvents.minGroupSize());
        model.addAttribute("discovery", discovery.report(from, to));
        model.addAttribute("batches", events.batches(paging.of(page, 20)));
        return "telemetry/overview";
    }

    @GetMapping("/telemetry/batches/{id}")
    String batch(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        IngestionBatch batch = events.batch(id);
        model.addAttribute("batch", batch);
        UsageEventQuery ofBatch = new UsageEventQuery(null, null, null, null, null, null, null, id);
        model.addAttribute("events", seenEvents.seen(events.find(ofBatch, paging.of(page, 50)), ofBatch));
        return "telemetry/batch";
    }

    @GetMapping("/telemetry/events")
    String events(@RequestParam(required = false) String person, @RequestParam(required = false) String system,
            @RequestParam(required = false) String workflow,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) TelemetrySource source,
            @RequestParam(required = false) Attribution attribution,
            @RequestParam(required = false) Integer page, Model model) {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        seenEvents.checkPersonFilter(person);
        UsageEventQuery query = new UsageEventQuery(blank(person), blank(system), blank(workflow), start, end, source,
                attribution, null);
        model.addAttribute("events", seenEvents.seen(events.find(query, paging.of(page, 50)), query));
        model.addAttribute("person", person);
        model.addAttribute("system", system);
        model.addAttribute("workflow", workflow);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("source", source);
        model.addAttribute("attribution", attribution);
        model.addAttribute("sourceValues", TelemetrySource.values());
        model.addAttribute("attributionValues", Attribution.values());
        return "telemetry/events";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
