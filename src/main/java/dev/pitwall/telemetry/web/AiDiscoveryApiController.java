package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.telemetry.discovery.AiDiscovery;
import dev.pitwall.telemetry.discovery.AiService;
import dev.pitwall.telemetry.discovery.ProxyLogFormat;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Shadow AI discovery", description = "AI services found in web-proxy logs, registered, unregistered or blocked")
class AiDiscoveryApiController {

    /** The default range of the summary: the last 28 days. */
    static final int DEFAULT_DAYS = 28;

    private final AiDiscovery discovery;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;
    private final Clock clock;

    AiDiscoveryApiController(AiDiscovery discovery, RequestBodies bodies, IngestionLimiter limiter, Clock clock) {
        this.discovery = discovery;
        this.bodies = bodies;
        this.limiter = limiter;
        this.clock = clock;
    }

    static ProxyLogFormat format(String format) {
        try {
            return ProxyLogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.ofField("format", "must be squid, zscaler or netskope");
        }
    }

    @PostMapping(path = "/imports/proxy-logs", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import a web-proxy or CASB log", description = "format: squid (native access.log), zscaler "
            + "(NSS web log CSV with its header row) or netskope (CSV export with its header row). Requests to AI "
            + "services of the catalog are stored and attributed to people (login or email); others are only "
            + "counted. A line imported again is a duplicate. All or nothing: 400 PROXY_LOG_INVALID names each line "
            + "and field that cannot be read. Use of a registered service also becomes usage of its AI system.")
    AiDiscovery.ImportResult importLog(HttpServletRequest request, @RequestParam String format) throws IOException {
        ProxyLogFormat parsed = format(format);
        return limiter.run(() -> discovery.importLog(parsed, bodies.read(request), PitwallPrincipal.currentActorName()));
    }

    @GetMapping("/ai-discovery")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "AI services used, per service: registered, unregistered or blocked", description = "from/to "
            + "(UTC days, inclusive; default the last 28 days). People counts below the minimum group size are null "
            + "for callers without people:identify. findings: use of blocked services since they were blocked.")
    AiDiscovery.Report report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return discovery.report(from != null ? from : end.minusDays(DEFAULT_DAYS - 1L), end);
    }

    /** The catalog: its version and services. */
    record Catalog(String version, List<AiService> services) {
    }

    @GetMapping("/ai-discovery/catalog")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "The catalog of AI service domains that discovery matches against")
    Catalog catalog() {
        return new Catalog(discovery.catalog().version(), discovery.catalog().services());
    }

    /** A registration: the AI system's key and name (defaults: the service's). */
    record Registration(String systemKey, String name) {
    }

    @PostMapping("/ai-discovery/services/{key}/registration")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Register a discovered service as an AI system", description = "Creates the AI system with the "
            + "service's key as application id, so the service's later use in proxy logs becomes its usage.")
    ResponseEntity<AiSystem> register(@PathVariable String key, @RequestBody(required = false) Registration body) {
        AiSystem system = discovery.register(key, body == null ? null : body.systemKey(), body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/v1/ai-systems/" + system.key())).body(system);
    }

    /** Why a service is blocked. */
    record Block(String note) {
    }

    @PutMapping("/ai-discovery/services/{key}/block")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @Operation(summary = "Mark a discovered service as blocked", description = "Its use from then on is a governance "
            + "finding (GET /api/v1/ai-discovery, findings). Audited.")
    ResponseEntity<Void> block(@PathVariable String key, @RequestBody(required = false) Block body) {
        discovery.block(key, body == null ? null : body.note(), PitwallPrincipal.currentActorName());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/ai-discovery/services/{key}/block")
    @PreAuthorize(Permission.Checks.GOVERNANCE_WRITE)
    @Operation(summary = "Lift the block of a service")
    ResponseEntity<Void> unblock(@PathVariable String key) {
        discovery.unblock(key);
        return ResponseEntity.noContent().build();
    }
}
