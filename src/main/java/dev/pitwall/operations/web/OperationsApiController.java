package dev.pitwall.operations.web;

import dev.pitwall.operations.Incident;
import dev.pitwall.operations.IncidentService;
import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorDraft;
import dev.pitwall.operations.MonitorService;
import dev.pitwall.operations.MonitorTransition;
import dev.pitwall.operations.NewIncident;
import dev.pitwall.operations.TimelineEntry;
import dev.pitwall.platform.security.Permission;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations", description = "Monitors over workflows and AI systems, and the incidents they open")
class OperationsApiController {

    /** Optional text of an incident action. */
    record Note(String note) {
    }

    /** The kind of a serious incident. */
    record Serious(dev.pitwall.operations.SeriousIncidentKind kind) {
    }

    /** The reference of the report made to the authority. */
    record Reported(String reference) {
    }

    /** A comment on an incident. */
    record Comment(String text) {
    }

    /** An incident with its timeline. */
    record IncidentWithTimeline(Incident incident, List<TimelineEntry> timeline) {
    }

    private final MonitorService monitors;
    private final IncidentService incidents;

    OperationsApiController(MonitorService monitors, IncidentService incidents) {
        this.monitors = monitors;
        this.incidents = incidents;
    }

    @GetMapping("/api/v1/monitors")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Every monitor with its state")
    List<Monitor> monitors() {
        return monitors.findAll();
    }

    @PostMapping("/api/v1/monitors")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    @Operation(summary = "Create a monitor", description = "{\"name\":\"Overrides\",\"workflowKey\":\"claims-assistant\","
            + "\"signal\":\"overrideRate\",\"comparator\":\"GT\",\"threshold\":0.1,\"windowDays\":7,\"minSamples\":50,"
            + "\"severity\":\"SEV2\"}. 400 names the field: an unknown signal, a window outside 1..90, a signal that "
            + "does not apply to the target.")
    ResponseEntity<Monitor> create(@RequestBody MonitorDraft draft) {
        Monitor created = monitors.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/monitors/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/monitors/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A monitor")
    Monitor monitor(@PathVariable long id) {
        return monitors.get(id);
    }

    @PutMapping("/api/v1/monitors/{id}")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    @Operation(summary = "Change a monitor", description = "A default monitor changed here becomes CUSTOM: Pitwall no "
            + "longer moves its threshold with the workflow's targets.")
    Monitor update(@PathVariable long id, @RequestBody MonitorDraft draft) {
        return monitors.update(id, draft);
    }

    @DeleteMapping("/api/v1/monitors/{id}")
    @PreAuthorize(Permission.Checks.MONITORS_MANAGE)
    @Operation(summary = "Delete a monitor", description = "Its incidents stay, without the link to it. A default "
            + "monitor of a production workflow is created again by the next round; disable it instead.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        monitors.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/monitors/{id}/transitions")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A monitor's state changes", description = "Newest first, the last 200.")
    List<MonitorTransition> transitions(@PathVariable long id) {
        return monitors.transitions(id);
    }

    @GetMapping("/api/v1/incidents")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Incidents, newest first", description = "open=true for those not resolved; workflow by key.")
    List<Incident> incidents(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String workflow, @RequestParam(defaultValue = "200") int limit) {
        return incidents.find(open, workflow, limit);
    }

    @PostMapping("/api/v1/incidents")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Open an incident by hand", description = "{\"title\":\"Harmful reply reported\","
            + "\"severity\":\"SEV2\",\"workflowKey\":\"email-triage\",\"category\":\"QUALITY\"}; routed at once.")
    ResponseEntity<Incident> open(@RequestBody NewIncident request) {
        Incident created = incidents.open(request);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/incidents/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "An incident with its timeline")
    IncidentWithTimeline incident(@PathVariable long id) {
        return new IncidentWithTimeline(incidents.get(id), incidents.timeline(id));
    }

    @PostMapping("/api/v1/incidents/{id}/acknowledge")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Acknowledge an open incident", description = "409 INCIDENT_STATUS unless it is OPEN.")
    Incident acknowledge(@PathVariable long id) {
        return incidents.acknowledge(id);
    }

    @PostMapping("/api/v1/incidents/{id}/escalate")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Escalate an open incident to the next holder on its route")
    Incident escalate(@PathVariable long id, @RequestBody(required = false) Note note) {
        return incidents.escalate(id, note == null ? null : note.note());
    }

    @PostMapping("/api/v1/incidents/{id}/mitigate")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Mark an incident mitigated")
    Incident mitigate(@PathVariable long id, @RequestBody(required = false) Note note) {
        return incidents.mitigate(id, note == null ? null : note.note());
    }

    @PostMapping("/api/v1/incidents/{id}/resolve")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Resolve an incident")
    Incident resolve(@PathVariable long id, @RequestBody(required = false) Note note) {
        return incidents.resolve(id, note == null ? null : note.note());
    }

    @PostMapping("/api/v1/incidents/{id}/serious")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Mark a serious incident (EU AI Act Art. 73)", description = "{\"kind\":\"OTHER\"} (15 days), "
            + "DEATH (10), WIDESPREAD_INFRINGEMENT or CRITICAL_INFRASTRUCTURE (2), counted from the incident's opening. "
            + "409 NOT_HIGH_RISK unless its workflow is classified HIGH_RISK.")
    Incident serious(@PathVariable long id, @RequestBody Serious serious) {
        return incidents.markSerious(id, serious.kind());
    }

    @PostMapping("/api/v1/incidents/{id}/reported")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Record that a serious incident was reported to the authority", description = "{\"reference\":\"MSA-2026-117\"}")
    Incident reported(@PathVariable long id, @RequestBody(required = false) Reported reported) {
        return incidents.markReported(id, reported == null ? null : reported.reference());
    }

    @PostMapping("/api/v1/incidents/{id}/comments")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    @Operation(summary = "Comment on an incident")
    Incident comment(@PathVariable long id, @RequestBody Comment comment) {
        return incidents.comment(id, comment.text());
    }
}
