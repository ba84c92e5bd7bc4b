package dev.pitwall.people.web;

import dev.pitwall.people.ImportResult;
import dev.pitwall.people.PeopleImportService;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports: send the file as the body ({@code Content-Type: text/csv}) or as the {@code file}
 * part of a multipart form. All-or-nothing; 400 {@code CSV_INVALID} lists every bad line.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Imports", description = "All-or-nothing CSV imports of people, skill assessments and learning records")
@PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
class ImportApiController {

    private final PeopleImportService imports;

    ImportApiController(PeopleImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/people/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import people (CSV body)", description = "Upsert by email. Columns: email, name, external_id, "
            + "title, team, manager_email, level, tier, active. Unknown teams are created.")
    ImportResult importPeople(HttpServletRequest request) throws IOException {
        return body(request, imports::importPeople);
    }

    @PostMapping(path = "/people/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import people (multipart upload)")
    ImportResult importPeopleFile(@RequestPart("file") MultipartFile file) throws IOException {
        return imports.importPeople(imports.read(file.getInputStream()));
    }

    @PostMapping(path = "/skill-assessments/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import skill assessments (CSV body)",
            description = "Columns: email or external_id, skill, level (0-4), assessed_on, source.")
    ImportResult importAssessments(HttpServletRequest request) throws IOException {
        return body(request, imports::importAssessments);
    }

    @PostMapping(path = "/skill-assessments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import skill assessments (multipart upload)")
    ImportResult importAssessmentsFile(@RequestPart("file") MultipartFile file) throws IOException {
        return imports.importAssessments(imports.read(file.getInputStream()));
    }

    @PostMapping(path = "/learning-records/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import learning records (CSV body)", description = "Columns: email or external_id, course, "
            + "status (completed, passed, failed), completed_on, skill, score (0-100), workflow, source.")
    ImportResult importLearning(HttpServletRequest request) throws IOException {
        return body(request, imports::importLearningRecords);
    }

    @PostMapping(path = "/learning-records/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import learning records (multipart upload)")
    ImportResult importLearningFile(@RequestPart("file") MultipartFile file) throws IOException {
        return imports.importLearningRecords(imports.read(file.getInputStream()));
    }

    private ImportResult body(HttpServletRequest request, Function<String, ImportResult> importer) throws IOException {
        return importer.apply(imports.read(request.getInputStream()));
    }
}
