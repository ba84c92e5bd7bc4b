package dev.pitwall.insight.web;

import dev.pitwall.insight.ConfidenceDivide;
import dev.pitwall.insight.Pulse;
import dev.pitwall.insight.PulseDraft;
import dev.pitwall.insight.PulseQuestion;
import dev.pitwall.insight.PulseResults;
import dev.pitwall.insight.PulseService;
import dev.pitwall.insight.PulseTemplate;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Pulse surveys: templates, sending, one-time links, results with groups below the minimum size withheld. */
@RestController
@RequestMapping("/api/v1/insight")
@Tag(name = "Insight", description = "Whether effects are real, the first workflow to redesign, skill gaps to fund")
class PulseApiController {

    private final PulseService pulses;

    PulseApiController(PulseService pulses) {
        this.pulses = pulses;
    }

    record Question(String field, String statement, PulseQuestion.Scale scale, int min, int max) {
    }

    record Template(PulseTemplate name, String label, List<Question> questions) {
    }

    record Link(String name, String email, String link) {
    }

    @GetMapping("/pulse-templates")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "The survey templates and their questions")
    List<Template> templates() {
        return Arrays.stream(PulseTemplate.values()).map(t -> new Template(t, t.label(), t.questions().stream()
                .map(q -> new Question(q.field(), q.statement(), q.scale(), q.scale().min(), q.scale().max())).toList()))
                .toList();
    }

    @GetMapping("/pulses")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Every pulse, newest first, with invitations and answers counted")
    List<Pulse> all() {
        return pulses.all();
    }

    @PostMapping("/pulses")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Send a pulse", description = "{\"title\":\"…\",\"template\":\"AI_OPERATING_PULSE\","
            + "\"population\":{\"teams\":[\"Claims\"],\"levels\":[\"MANAGER\"],\"tiers\":[],\"workflow\":null},"
            + "\"closesOn\":\"2026-12-14\"}: invites every active person matching every criterion given. Then issue "
            + "the one-time links with POST /pulses/{id}/links.")
    ResponseEntity<Pulse> create(@RequestBody PulseDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pulses.create(draft));
    }

    @GetMapping("/pulses/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "One pulse")
    Pulse get(@PathVariable long id) {
        return pulses.get(id);
    }

    @PostMapping("/pulses/{id}/links")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Issue one-time links", description = "A new link for everyone invited who has not answered; "
            + "links issued before stop working. The links are in this answer only: Pitwall keeps their SHA-256.")
    List<Link> links(@PathVariable long id) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/pulse/").toUriString();
        return pulses.issueLinks(id).stream().map(l -> new Link(l.name(), l.email(), base + l.token())).toList();
    }

    @PostMapping("/pulses/{id}/close")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Close a pulse before its last day", description = "It takes no more answers; its results are shown.")
    Pulse close(@PathVariable long id) {
        return pulses.close(id);
    }

    @GetMapping("/pulses/{id}/results")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "A pulse's results", description = "Once it takes no more answers. Overall and by level, team "
            + "and tier; a group with fewer answers than the minimum group size is withheld (no size, no figures), and so "
            + "is the next smallest whenever the withheld groups together would fall below it.")
    PulseResults results(@PathVariable long id) {
        return pulses.results(id);
    }

    @GetMapping("/confidence-divide")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "The confidence divide by level, pulse after pulse", description = "The share agreeing (4 or 5 "
            + "of 5) that AI will improve the business's results, by level, and executives minus managers in points.")
    ConfidenceDivide divide() {
        return pulses.divide();
    }
}
