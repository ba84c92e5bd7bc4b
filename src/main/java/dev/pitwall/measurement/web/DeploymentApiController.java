package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Deployment;
import dev.pitwall.measurement.DeploymentRecorded;
import dev.pitwall.measurement.DeploymentService;
import dev.pitwall.measurement.NewDeployment;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deployments")
@Tag(name = "Deployments", description = "Deployments of AI systems, reported by CI pipelines")
class DeploymentApiController {

    private final DeploymentService deployments;
    private final Clock clock;

    DeploymentApiController(DeploymentService deployments, Clock clock) {
        this.deployments = deployments;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.DEPLOYMENT_RECORD)
    @Operation(summary = "Report a deployment", description = "{\"system\":\"invoiceiq\",\"version\":\"2.4.1\","
            + "\"time\":\"2026-11-20T14:03:00Z\",\"status\":\"SUCCEEDED\"}; 201 when new, 200 for a retry. Needs an "
            + "ingest token or measurement:write.")
    ResponseEntity<DeploymentRecorded> record(@RequestBody NewDeployment deployment) {
        DeploymentRecorded recorded = deployments.record(deployment);
        if (recorded.duplicate()) {
            return ResponseEntity.status(HttpStatus.OK).body(recorded);
        }
        return ResponseEntity.created(URI.create("/api/v1/deployments/" + recorded.deployment().id())).body(recorded);
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "List deployments", description = "Finished in [from, to] (default: the last 90 days), "
            + "newest first, optionally of one AI system.")
    List<Deployment> list(@RequestParam(required = false) String system,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "200") int limit) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        if (end.isBefore(start)) {
            throw InvalidInputException.ofField("to", "must not be before from");
        }
        return deployments.find(system, start, end, limit);
    }
}
