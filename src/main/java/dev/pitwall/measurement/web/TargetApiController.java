package dev.pitwall.measurement.web;

import dev.pitwall.measurement.AvailabilityReport;
import dev.pitwall.measurement.EffectiveTargets;
import dev.pitwall.measurement.TargetDraft;
import dev.pitwall.measurement.TargetService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Targets", description = "Quality, availability, deployment and ROI targets per AI system and workflow, "
        + "and availability reported by the systems' monitoring")
class TargetApiController {

    private final TargetService targets;

    TargetApiController(TargetService targets) {
        this.targets = targets;
    }

    @GetMapping("/api/v1/ai-systems/{key}/targets")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "An AI system's targets", description = "In force, and the overrides set on it.")
    EffectiveTargets system(@PathVariable String key) {
        return targets.ofSystem(key);
    }

    @PutMapping("/api/v1/ai-systems/{key}/targets")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Set an AI system's targets", description = "{qualityTarget, availabilityTarget, "
            + "deploymentTarget, roiTarget}; null keeps the organization's default.")
    EffectiveTargets setSystem(@PathVariable String key, @RequestBody TargetDraft draft) {
        return targets.setForSystem(key, draft);
    }

    @GetMapping("/api/v1/workflows/{key}/targets")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's own targets", description = "Without overrides of its own, a workflow aims "
            + "at its AI systems' targets, weighted by its events on each.")
    EffectiveTargets workflow(@PathVariable String key) {
        return targets.ofWorkflow(key);
    }

    @PutMapping("/api/v1/workflows/{key}/targets")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Set a workflow's targets")
    EffectiveTargets setWorkflow(@PathVariable String key, @RequestBody TargetDraft draft) {
        return targets.setForWorkflow(key, draft);
    }

    @PostMapping("/api/v1/ai-systems/{key}/availability")
    @PreAuthorize(Permission.Checks.DEPLOYMENT_RECORD)
    @Operation(summary = "Report availability", description = "[{\"day\":\"2026-11-20\",\"availability\":0.9993}]; "
            + "used instead of the error share of the system's events for the days reported; all or nothing.")
    Map<String, Integer> availability(@PathVariable String key, @RequestBody List<AvailabilityReport> reports) {
        return Map.of("recorded", targets.reportAvailability(key, reports));
    }
}
