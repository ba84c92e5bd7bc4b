package dev.pitwall.people.web;

import dev.pitwall.people.PersonalDataService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's rights over their data: the access request and erasure (docs/privacy.md). */
@RestController
@RequestMapping("/api/v1/people/{id}")
@Tag(name = "People", description = "The people directory")
class PersonalDataApiController {

    private final PersonalDataService personalData;

    PersonalDataApiController(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    /** The email of the person to erase, as a check against erasing the wrong one. */
    record ErasureRequest(String confirm) {
    }

    @GetMapping("/personal-data")
    @PreAuthorize(Permission.Checks.PRIVACY_MANAGE)
    @Operation(summary = "Everything held about a person (access request)", description = "Every row that refers to "
            + "the person by id or holds their email or external id, by table, and the audit log's entries about them. "
            + "The request is audited.")
    ResponseEntity<Map<String, Object>> accessRequest(@PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"personal-data-" + id + ".json\"").body(personalData.accessRequest(id));
    }

    @PostMapping("/erasure")
    @PreAuthorize(Permission.Checks.PRIVACY_MANAGE)
    @Operation(summary = "Erase a person", description = "Replaces the person's name, email and external id with their "
            + "pseudonym everywhere (events, assessments, learning records, the audit log, ...); figures stay as they "
            + "were. `confirm` must be the person's email. Cannot be undone.")
    PersonalDataService.Erased erase(@PathVariable long id, @RequestBody ErasureRequest request) {
        return personalData.erase(id, request == null ? null : request.confirm());
    }
}
