package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ai-systems")
@Tag(name = "AI systems", description = "Models, agents and AI products, with the telemetry keys that identify them")
class AiSystemApiController {

    private final AiSystemService systems;

    AiSystemApiController(AiSystemService systems) {
        this.systems = systems;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "List AI systems")
    List<AiSystem> list() {
        return systems.findAll();
    }

    @GetMapping("/lookup")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Which AI system does this telemetry belong to?", description = "Tries the most specific key "
            + "first: application id, agent name, service name, provider and model, provider alone. 404 when none matches.")
    ResponseEntity<AiSystemService.AiSystemMatch> lookup(@RequestParam(required = false) String serviceName,
            @RequestParam(required = false) String agentName, @RequestParam(required = false) String providerName,
            @RequestParam(required = false) String model, @RequestParam(required = false) String applicationId) {
        return ResponseEntity.of(systems.lookup(new TelemetryIdentity(serviceName, agentName, providerName, model,
                applicationId)));
    }

    @GetMapping("/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Get an AI system")
    AiSystem get(@PathVariable String key) {
        return systems.get(key);
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Register an AI system")
    ResponseEntity<AiSystem> create(@RequestBody AiSystemDraft draft) {
        AiSystem created = systems.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/ai-systems/" + created.key())).body(created);
    }

    @PutMapping("/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Update an AI system and replace its telemetry keys")
    AiSystem update(@PathVariable String key, @RequestBody AiSystemDraft draft) {
        return systems.update(key, draft);
    }

    @DeleteMapping("/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Delete an AI system no workflow uses", description = "409 AI_SYSTEM_IN_USE otherwise.")
    ResponseEntity<Void> delete(@PathVariable String key) {
        systems.delete(key);
        return ResponseEntity.noContent().build();
    }
}
