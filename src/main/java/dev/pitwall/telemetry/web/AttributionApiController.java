package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.telemetry.AttributionRule;
import dev.pitwall.telemetry.AttributionRuleDraft;
import dev.pitwall.telemetry.AttributionService;
import dev.pitwall.telemetry.Reattribution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attribution-rules")
@Tag(name = "Attribution rules", description = "Map usage of AI systems (optionally by team or operation) to workflows")
class AttributionApiController {

    private final AttributionService attribution;

    AttributionApiController(AttributionService attribution) {
        this.attribution = attribution;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "List attribution rules in the order they apply (priority, then id)")
    List<AttributionRule> list() {
        return attribution.findAll();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Get an attribution rule")
    AttributionRule get(@PathVariable long id) {
        return attribution.get(id);
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    @Operation(summary = "Create an attribution rule", description = "Applies to events ingested from now on; "
            + "re-attribute to apply it to stored events.")
    ResponseEntity<AttributionRule> create(@Valid @RequestBody AttributionRuleDraft draft) {
        AttributionRule created = attribution.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/attribution-rules/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    @Operation(summary = "Update an attribution rule")
    AttributionRule update(@PathVariable long id, @Valid @RequestBody AttributionRuleDraft draft) {
        return attribution.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    @Operation(summary = "Delete an attribution rule")
    ResponseEntity<Void> delete(@PathVariable long id) {
        attribution.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reattribute")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    @Operation(summary = "Re-apply the rules to stored events of a range of days", description = "Events that named "
            + "their workflow keep it. The days' rollups are rebuilt in the same transaction. At most 400 days.")
    Reattribution reattribute(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return attribution.reattribute(from, to);
    }
}
