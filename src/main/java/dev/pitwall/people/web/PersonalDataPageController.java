package dev.pitwall.people.web;

import dev.pitwall.people.PersonalDataService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The access request and erasure from a person's page, for administrators. */
@Controller
class PersonalDataPageController {

    private final PersonalDataService personalData;

    PersonalDataPageController(PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @GetMapping(path = "/people/{id}/personal-data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.PRIVACY_MANAGE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> accessRequest(@PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"personal-data-" + id + ".json\"").body(personalData.accessRequest(id));
    }

    @PostMapping("/people/{id}/erasure")
    @PreAuthorize(Permission.Checks.PRIVACY_MANAGE)
    String erase(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        try {
            PersonalDataService.Erased erased = personalData.erase(id, confirm);
            redirect.addFlashAttribute("flashMessage", "The person was erased: they are " + erased.pseudonym()
                    + " now, everywhere (" + erased.valuesChanged().values().stream().mapToInt(Integer::intValue).sum()
                    + " values and " + erased.auditEntriesRedacted() + " audit entries changed).");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("erasureError", e.describe());
            redirect.addFlashAttribute("typedConfirm", confirm);
        }
        return "redirect:/people/" + id + "#personal-data";
    }
}
