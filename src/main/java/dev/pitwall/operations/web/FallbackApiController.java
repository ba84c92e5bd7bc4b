package dev.pitwall.operations.web;

import dev.pitwall.operations.Drill;
import dev.pitwall.operations.DrillSchedule;
import dev.pitwall.operations.Fallback;
import dev.pitwall.operations.FallbackDraft;
import dev.pitwall.operations.FallbackService;
import dev.pitwall.operations.NewDrill;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Fallback and lifecycle", description = "Each workflow's declared fallback, its drills, and what incidents do to it")
class FallbackApiController {

    /** The lifecycle policy to set. */
    record PolicyRequest(dev.pitwall.operations.LifecycleAction onSev1) {
    }

    private final FallbackService fallbacks;
    private final dev.pitwall.operations.LifecycleService lifecycle;

    FallbackApiController(FallbackService fallbacks, dev.pitwall.operations.LifecycleService lifecycle) {
        this.fallbacks = fallbacks;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/api/v1/workflows/{key}/lifecycle")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's lifecycle policy and what is in force", description = "onSev1: DEMOTE, FALLBACK or "
            + "NOTIFY (default); fallbackSince and its incident while in fallback mode.")
    dev.pitwall.operations.LifecyclePolicy lifecycle(@PathVariable String key) {
        return lifecycle.policy(key);
    }

    @PutMapping("/api/v1/workflows/{key}/lifecycle")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Set what a SEV1 incident does to the workflow in production", description = "{\"onSev1\":\"DEMOTE\"}")
    dev.pitwall.operations.LifecyclePolicy setLifecycle(@PathVariable String key, @RequestBody PolicyRequest request) {
        return lifecycle.setPolicy(key, request.onSev1());
    }

    @PostMapping("/api/v1/workflows/{key}/reinstate")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "End fallback mode", description = "409 INCIDENT_NOT_RESOLVED while the incident that caused it is "
            + "open, 409 GATE_FAILED while the gate fails without a valid waiver, 409 NOT_IN_FALLBACK.")
    dev.pitwall.operations.LifecyclePolicy reinstate(@PathVariable String key) {
        return lifecycle.reinstate(key);
    }

    @GetMapping("/api/v1/workflows/{key}/fallback")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's declared fallback", description = "404 FALLBACK_NOT_DECLARED when it has none.")
    Fallback fallback(@PathVariable String key) {
        return fallbacks.get(key);
    }

    @PutMapping("/api/v1/workflows/{key}/fallback")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Declare a workflow's fallback", description = "{\"procedure\":\"Agents triage by hand from the "
            + "shared inbox\",\"ownerEmail\":\"lead@example.com\",\"maxSwitchMinutes\":30}")
    Fallback declare(@PathVariable String key, @RequestBody FallbackDraft draft) {
        return fallbacks.declare(key, draft);
    }

    @GetMapping("/api/v1/workflows/{key}/drills")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's fallback drills, newest first")
    List<Drill> drills(@PathVariable String key) {
        return fallbacks.drills(key);
    }

    @PostMapping("/api/v1/workflows/{key}/drills")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Record a fallback drill", description = "{\"drilledOn\":\"2026-11-02\",\"switchMinutes\":12,"
            + "\"throughputRatio\":0.7,\"notes\":\"…\"}; passed, when left out, is switchMinutes ≤ the fallback's "
            + "maxSwitchMinutes. 409 FALLBACK_NOT_DECLARED without a declared fallback.")
    ResponseEntity<Drill> record(@PathVariable String key, @RequestBody NewDrill drill) {
        Drill recorded = fallbacks.recordDrill(key, drill);
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + key + "/drills")).body(recorded);
    }

    @GetMapping("/api/v1/drills/schedule")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "When each workflow in pilot or production is due for its next drill",
            description = "By risk tier: HIGH and CRITICAL every 3 months, MEDIUM and unclassified 6, LOW 12 (configurable).")
    List<DrillSchedule> schedule() {
        return fallbacks.schedule();
    }
}
