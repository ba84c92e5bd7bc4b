package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.OperatingModelService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operating-model")
@Tag(name = "Operating model as code", description = "Export and apply workflows as YAML documents (apiVersion pitwall/v1, kind Workflow)")
class OperatingModelApiController {

    static final String YAML = "application/yaml";

    private final OperatingModelService model;

    OperatingModelApiController(OperatingModelService model) {
        this.model = model;
    }

    @GetMapping(produces = {YAML, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Export the operating model as YAML", description = "One document per workflow; all of them, "
            + "or those named in `workflow` (repeatable).")
    ResponseEntity<String> export(@RequestParam(name = "workflow", required = false) List<String> keys) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(YAML))
                .body(model.export(keys == null ? List.of() : keys));
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Apply YAML documents", description = "Validates every document (400 YAML_INVALID names the "
            + "document and field), then applies all atomically. `dryRun=true` only reports what would change. "
            + "Applying the same file twice changes nothing.")
    OperatingModelService.ApplyResult apply(@RequestBody String yaml,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return model.apply(yaml, dryRun);
    }
}
