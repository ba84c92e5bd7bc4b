package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.telemetry.Evaluation;
import dev.pitwall.telemetry.EvaluationService;
import dev.pitwall.telemetry.EvaluationSummary;
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

    EvaluationApiController(EvaluationService evaluations, Paging paging) {
        this.evaluations = evaluations;
        this.paging = paging;
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
