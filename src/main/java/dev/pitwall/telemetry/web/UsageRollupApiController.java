package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.telemetry.DailyUsage;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.telemetry.SystemUsage;
import dev.pitwall.telemetry.UsageRollupService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/usage-rollups")
@Tag(name = "Usage rollups", description = "Daily usage by person, AI system and workflow, as metrics read it")
class UsageRollupApiController {

    private final UsageRollupService usage;
    private final RollupService rollups;

    private final SeenUsageEvents seen;

    UsageRollupApiController(UsageRollupService usage, RollupService rollups, SeenUsageEvents seen) {
        this.seen = seen;
        this.usage = usage;
        this.rollups = rollups;
    }

    @GetMapping("/daily")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Usage per day", description = "from/to are days (UTC, inclusive); system and workflow are "
            + "keys, workflow=none selects use tied to no workflow. activePeople is null when it counts fewer people "
            + "than the minimum group size and the caller may not identify people (people:identify).")
    List<DailyUsage> daily(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) String system, @RequestParam(required = false) String workflow) {
        return seen.seenDaily(usage.daily(from, to, system, workflow));
    }

    @GetMapping("/systems")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Usage per AI system, with the activity tied to no workflow")
    List<SystemUsage> bySystem(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return seen.seenSystems(usage.bySystem(from, to));
    }

    /** What a roll-up on request did. */
    record RolledUp(int rolledUpBatches, long pendingBatches) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/run")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Roll up every pending batch now", description = "Answers when the batches committed so far are "
            + "in the rollups: for a backfill or a load test that reads figures right after sending events.")
    RolledUp run() {
        return new RolledUp(rollups.rollUpPending(), rollups.pending());
    }

    @GetMapping("/status")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Batches committed but not yet in the rollups (normally 0 or a few)")
    Map<String, Long> status() {
        return Map.of("pendingBatches", rollups.pending());
    }
}
