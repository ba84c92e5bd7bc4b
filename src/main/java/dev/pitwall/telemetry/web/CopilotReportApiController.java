package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.telemetry.CopilotReportImports;
import dev.pitwall.telemetry.CopilotReportResult;
import dev.pitwall.telemetry.OrgMetric;
import dev.pitwall.telemetry.TelemetryImports;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Copilot reports", description = "Microsoft 365 Copilot, GitHub Copilot and Cursor usage reports as they are exported")
class CopilotReportApiController {

    static final String NDJSON = "application/x-ndjson";

    private final TelemetryImports imports;
    private final CopilotReportImports reports;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;
    private final dev.pitwall.telemetry.CursorPull cursorPull;

    CopilotReportApiController(TelemetryImports imports, CopilotReportImports reports, RequestBodies bodies,
            IngestionLimiter limiter, dev.pitwall.telemetry.CursorPull cursorPull) {
        this.cursorPull = cursorPull;
        this.imports = imports;
        this.reports = reports;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    @PostMapping(path = "/imports/m365-copilot", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import a Microsoft 365 Copilot report (admin center / Graph v1.0 CSV)",
            description = "The usage user detail: each per-app last-activity date is an activity fact for that person, "
                    + "app and day; re-imports add only new days; anonymized users are kept as unattributed. The user "
                    + "count summary: the tenant's enabled and active users per app, stored per day (scope tenant:D7). "
                    + "system: the AI system's key (default: the one with application id 'microsoft-365-copilot').")
    CopilotReportResult m365Csv(HttpServletRequest request, @RequestParam(required = false) String system) throws IOException {
        return limiter.run(() -> imports.m365Csv(bodies.read(request), system,
                PitwallPrincipal.currentActorName()));
    }

    @PostMapping(path = "/imports/m365-copilot", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import a Microsoft 365 Copilot report (Graph beta JSON: usage user detail or user count summary)")
    CopilotReportResult m365Json(HttpServletRequest request, @RequestParam(required = false) String system) throws IOException {
        return limiter.run(() -> imports.m365Json(bodies.read(request), system,
                PitwallPrincipal.currentActorName()));
    }

    @PostMapping(path = "/imports/github-copilot", consumes = {NDJSON, "application/jsonl"})
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import GitHub Copilot user-level usage report records (NDJSON, one user-day a line)",
            description = "Each user-day is an activity fact; the person is matched by external id = GitHub login.")
    CopilotReportResult githubNdjson(HttpServletRequest request, @RequestParam(required = false) String system,
            @RequestParam(defaultValue = "organization") String scope) throws IOException {
        return limiter.run(() -> imports.githubNdjson(bodies.read(request), system, scope,
                PitwallPrincipal.currentActorName()));
    }

    @PostMapping(path = "/imports/github-copilot", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import a GitHub Copilot report (JSON)", description = "User-day records (an array, or the "
            + "day_totals/user_totals of the reports API) and organization-level days (the legacy "
            + "/orgs/{org}/copilot/metrics response, or organization and enterprise day_totals). scope names the "
            + "organization of legacy files, which do not say.")
    CopilotReportResult githubJson(HttpServletRequest request, @RequestParam(required = false) String system,
            @RequestParam(defaultValue = "organization") String scope) throws IOException {
        return limiter.run(() -> imports.githubJson(bodies.read(request), system, scope,
                PitwallPrincipal.currentActorName()));
    }

    @PostMapping(path = "/imports/cursor", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Import Cursor team usage (the Admin API's daily usage data)",
            description = "The response of Cursor's POST /teams/daily-usage-data ({\"data\":[…]}) or its rows as an "
                    + "array. Each active member-day is an activity fact of the person with that email; inactive days "
                    + "are skipped; re-imports add nothing twice. All or nothing: a row that cannot be read refuses "
                    + "the file (400 CURSOR_REPORT_INVALID, each row and field named). system: the AI system's key "
                    + "(default: the one with application id 'cursor').")
    CopilotReportResult cursor(HttpServletRequest request, @RequestParam(required = false) String system)
            throws IOException {
        return limiter.run(() -> imports.cursorJson(bodies.read(request), system, PitwallPrincipal.currentActorName()));
    }

    @PostMapping("/imports/cursor/pull")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Pull Cursor team usage now", description = "With pitwall.telemetry.cursor.api-key configured, "
            + "asks Cursor's Admin API for the daily usage data of the last pitwall.telemetry.cursor.days days and "
            + "imports it (Pitwall also does this every pitwall.telemetry.cursor.every). 400 CURSOR_PULL_NOT_CONFIGURED "
            + "without a key; 502 CURSOR_UNAVAILABLE when Cursor cannot be reached or refuses.")
    CopilotReportResult pullCursor() {
        return limiter.run(() -> cursorPull.pull(PitwallPrincipal.currentActorName()));
    }

    @GetMapping("/org-metrics")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Organization-level daily figures (e.g. GitHub Copilot organization metrics)")
    List<OrgMetric> orgMetrics(@RequestParam(required = false) TelemetrySource source,
            @RequestParam(required = false) String scope, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return reports.orgMetrics(source, scope, from, to);
    }
}
