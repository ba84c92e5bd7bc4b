package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.BudgetLine;
import dev.pitwall.portfolio.Initiative;
import dev.pitwall.portfolio.InitiativeDraft;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.NewBudgetLine;
import dev.pitwall.portfolio.PipelineService;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.PipelineStageUpdate;
import dev.pitwall.portfolio.Pipelines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "AI investments, their budget lines and synchronized pipelines")
class InitiativeApiController {

    private final InitiativeService initiatives;
    private final PipelineService pipelines;

    InitiativeApiController(InitiativeService initiatives, PipelineService pipelines) {
        this.initiatives = initiatives;
        this.pipelines = pipelines;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "List initiatives", description = "With workflow counts and spend totals.")
    List<Initiative> list() {
        return initiatives.findAll();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Get an initiative")
    Initiative get(@PathVariable long id) {
        return initiatives.get(id);
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Create an initiative", description = "409 INITIATIVE_NAME_TAKEN when the name exists.")
    ResponseEntity<Initiative> create(@RequestBody InitiativeDraft draft) {
        Initiative created = initiatives.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/initiatives/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Update an initiative")
    Initiative update(@PathVariable long id, @RequestBody InitiativeDraft draft) {
        return initiatives.update(id, draft);
    }

    @GetMapping("/{id}/budget-lines")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "An initiative's budget lines", description = "Infrastructure and workforce spend, by date.")
    List<BudgetLine> budget(@PathVariable long id) {
        return initiatives.budget(id);
    }

    @PostMapping("/{id}/budget-lines")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Record spend", description = "Optionally for one workflow of the initiative, a pipeline "
            + "stage, and (workforce spend) the tier it upskills.")
    ResponseEntity<BudgetLine> addBudgetLine(@PathVariable long id, @RequestBody NewBudgetLine line) {
        BudgetLine created = initiatives.addBudgetLine(id, line);
        return ResponseEntity.created(URI.create("/api/v1/initiatives/" + id + "/budget-lines/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}/budget-lines/{lineId}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Delete a budget line recorded by mistake")
    ResponseEntity<Void> deleteBudgetLine(@PathVariable long id, @PathVariable long lineId) {
        initiatives.deleteBudgetLine(id, lineId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/pipelines")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The synchronized pipelines", description = "Both tracks with status, dates and spend, the "
            + "cross-dependency violations and pipelineLag (technical stages done − workforce stages done).")
    Pipelines pipelines(@PathVariable long id) {
        return pipelines.pipelines(id);
    }

    @PutMapping("/{id}/pipelines/{stage}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Update a pipeline stage")
    Pipelines updateStage(@PathVariable long id, @PathVariable PipelineStage stage,
            @RequestBody PipelineStageUpdate update) {
        return pipelines.update(id, stage, update);
    }
}
