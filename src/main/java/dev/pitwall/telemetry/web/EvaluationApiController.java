package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.telemetry.Evaluation;
import dev.pitwall.telemetry.EvaluationService;
import dev.pitwall.telemetry.EvaluationSummary;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Evaluations", description = "Evaluation scores of AI systems, from OpenTelemetry gen_ai.evaluation.result events")
class EvaluationApiController {

    private final EvaluationService evaluations;
    private final Paging paging;
    private final dev.pitwall.telemetry.TelemetryImports imports;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;

    EvaluationApiController(EvaluationService evaluations, Paging paging, dev.pitwall.telemetry.TelemetryImports imports,
            RequestBodies bodies, IngestionLimiter limiter) {
        this.evaluations = evaluations;
        this.paging = paging;
        this.imports = imports;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    @org.springframework.web.bind.annotation.PostMapping(consumes = "application/json")
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Post evaluation scores", description = "A JSON array of {id, time, system, workflow?, name, "
            + "score (0..1) and/or label, event?}; ids make retries safe. Valid items are stored and each invalid one "
            + "named by its position; 400 EVALUATIONS_REJECTED when none is valid. Scores arriving by OTLP "
            + "(/otlp/v1/logs) land in the same place.")
    dev.pitwall.telemetry.IngestionResult post(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        return limiter.run(() -> imports.evaluationsJson(bodies.read(request),
                dev.pitwall.platform.security.PitwallPrincipal.currentActorName()));
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "List evaluations, newest first", description = "Filters: system (key), from/to (instants).")
    PageResult<Evaluation> list(@RequestParam(required = false) String system, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return evaluations.find(system, from, to, paging.of(page, size));
    }

    @GetMapping("/summary")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Evaluations per AI system and name over a range of days (UTC, inclusive)")
    List<EvaluationSummary> summary(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return evaluations.summary(from, to);
    }
}
