package dev.pitwall.people.web;

import dev.pitwall.people.ImportResult;
import dev.pitwall.people.PeopleImportService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload forms for the three CSV imports, showing the result or every bad line. */
@Controller
@PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
class ImportPageController {

    private final PeopleImportService imports;

    ImportPageController(PeopleImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/people/import")
    String page() {
        return "people/import";
    }

    @PostMapping("/people/import/{kind}")
    String upload(@PathVariable String kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        Map<String, Function<String, ImportResult>> importers = Map.of(
                "people", imports::importPeople,
                "assessments", imports::importAssessments,
                "learning", imports::importLearningRecords);
        Function<String, ImportResult> importer = importers.get(kind);
        if (importer == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("kind", kind);
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            model.addAttribute("result", importer.apply(imports.read(file.getInputStream())));
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
        }
        return "people/import";
    }
}
