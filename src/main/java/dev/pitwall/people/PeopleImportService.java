package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV imports of people, skill assessments and learning records. Each is all-or-nothing: every
 * line is validated first and, if any is wrong, the response lists each wrong line with its
 * number, column and reason and nothing is written; otherwise all lines are applied in one
 * transaction and audited.
 */
@Service
@EnableConfigurationProperties(PeopleProperties.class)
public class PeopleImportService {

    private final PeopleCsvImport people;
    private final AssessmentCsvImport assessments;
    private final LearningCsvImport learning;
    private final PeopleProperties properties;

    PeopleImportService(PeopleCsvImport people, AssessmentCsvImport assessments, LearningCsvImport learning,
            PeopleProperties properties) {
        this.people = people;
        this.assessments = assessments;
        this.learning = learning;
        this.properties = properties;
    }

    /** Columns: email (required), name (required for new people), external_id, title, team, manager_email, level, tier, active. */
    @Transactional
    public ImportResult importPeople(String csv) {
        return people.run(parse(csv, List.of(List.of("email")), PeopleCsvImport.COLUMNS));
    }

    /** Columns: email or external_id, skill, level (0–4), assessed_on (or date), source. */
    @Transactional
    public ImportResult importAssessments(String csv) {
        return assessments.run(parse(csv, List.of(List.of("email", "external_id"), List.of("skill"), List.of("level"),
                List.of("assessed_on", "date")), AssessmentCsvImport.COLUMNS));
    }

    /** Columns: email or external_id, course, status, completed_on (or date), skill, score (0–100), workflow, source. */
    @Transactional
    public ImportResult importLearningRecords(String csv) {
        return learning.run(parse(csv, List.of(List.of("email", "external_id"), List.of("course"), List.of("status"),
                List.of("completed_on", "date")), LearningCsvImport.COLUMNS));
    }

    /** Reads an upload as UTF-8, refusing it as soon as it exceeds the configured size. */
    public String read(InputStream in) {
        long limit = properties.importMaxSize().toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw new ImportTooLarge("The file is larger than " + properties.importMaxSize() + ".");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private CsvDocument parse(String csv, List<List<String>> required, Set<String> known) {
        CsvDocument document = CsvDocument.parse(csv, required, known);
        if (document.rows().size() > properties.importMaxRows()) {
            throw new ImportTooLarge("The file has " + document.rows().size() + " lines; at most "
                    + properties.importMaxRows() + " are accepted in one import.");
        }
        return document;
    }
}
