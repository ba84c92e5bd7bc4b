package dev.pitwall.portfolio.web;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryKey;
import dev.pitwall.portfolio.TelemetryKeyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The AI systems and their telemetry keys. */
@Controller
class AiSystemPageController {

    private static final int KEY_ROWS = 4;

    private final AiSystemService systems;
    private final PersonService people;

    AiSystemPageController(AiSystemService systems, PersonService people) {
        this.systems = systems;
        this.people = people;
    }

    @GetMapping("/portfolio/systems")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String list(@RequestParam(required = false) String edit, Model model) {
        AiSystem editing = edit == null ? null : systems.get(edit);
        model.addAttribute("systems", systems.findAll());
        model.addAttribute("editing", editing);
        model.addAttribute("ownerEmail", editing == null || editing.ownerId() == null ? ""
                : people.findAllById(List.of(editing.ownerId())).get(0).email());
        List<TelemetryKey> keys = new ArrayList<>(editing == null ? List.of() : editing.telemetryKeys());
        while (keys.size() < KEY_ROWS) {
            keys.add(new TelemetryKey(null, "", ""));
        }
        model.addAttribute("keyRows", keys);
        model.addAttribute("kinds", AiSystemKind.values());
        model.addAttribute("keyKinds", TelemetryKeyKind.values());
        return "portfolio/systems";
    }

    @PostMapping("/portfolio/systems")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String save(@RequestParam(required = false) String original, @RequestParam String key, @RequestParam String name,
            @RequestParam AiSystemKind kind, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String models, @RequestParam(required = false) String ownerEmail,
            @RequestParam(required = false) String description,
            @RequestParam(name = "keyKind", required = false) List<String> keyKinds,
            @RequestParam(name = "keyValue", required = false) List<String> keyValues,
            @RequestParam(name = "keyModel", required = false) List<String> keyModels, RedirectAttributes redirect) {
        try {
            AiSystemDraft draft = new AiSystemDraft(key, name, kind, provider,
                    models == null || models.isBlank() ? List.of()
                            : Arrays.stream(models.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList(),
                    owner(ownerEmail), description, keys(keyKinds, keyValues, keyModels));
            AiSystem saved = original == null || original.isBlank() ? systems.create(draft) : systems.update(original, draft);
            redirect.addFlashAttribute("flashMessage", saved.name() + " was saved.");
            return "redirect:/portfolio/systems";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("systemError", e.describe());
            return "redirect:/portfolio/systems" + (original == null || original.isBlank() ? "" : "?edit=" + original);
        }
    }

    private Long owner(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return people.findByEmail(email).map(Person::id)
                .orElseThrow(() -> InvalidInputException.ofField("ownerEmail", "no person has the email " + email.trim()));
    }

    private static List<TelemetryKey> keys(List<String> kinds, List<String> values, List<String> models) {
        List<TelemetryKey> keys = new ArrayList<>();
        for (int i = 0; kinds != null && values != null && i < Math.min(kinds.size(), values.size()); i++) {
            if (kinds.get(i).isBlank() || values.get(i).isBlank()) {
                continue;
            }
            String model = models == null || i >= models.size() || models.get(i).isBlank() ? null : models.get(i);
            keys.add(new TelemetryKey(TelemetryKeyKind.valueOf(kinds.get(i)), values.get(i), model));
        }
        return keys;
    }
}
