package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Upserts learning records from CSV; every person (and named skill) must already exist. */
@Component
class LearningCsvImport {

    static final Set<String> COLUMNS = Set.of("email", "external_id", "course", "skill", "status", "score",
            "completed_on", "date", "workflow", "source");

    private final PersonResolver people;
    private final Skills skills;
    private final LearningRecordService records;
    private final Clock clock;

    LearningCsvImport(PersonResolver people, Skills skills, LearningRecordService records, Clock clock) {
        this.people = people;
        this.skills = skills;
        this.records = records;
        this.clock = clock;
    }

    ImportResult run(CsvDocument document) {
        PersonResolver.Lookup lookup = people.lookup(document);
        SkillNames skillNames = new SkillNames(skills.findAll());
        return CsvImports.upsertLines(document, LocalDate.now(clock),
                (fields, row) -> parse(fields, row, lookup, skillNames),
                r -> r.personId() + "|" + LearningRecords.key(r.course()) + "|" + r.completedOn() + "|" + r.status(),
                "person, course, date and status", records::upsert);
    }

    private static NewLearningRecord parse(CsvFields fields, CsvRow row, PersonResolver.Lookup lookup,
            SkillNames skillNames) {
        Long personId = lookup.resolve(fields, row);
        String course = fields.text("course", 300, true);
        Long skillId = skillNames.resolve(fields, "skill", false);
        LearningStatus status = fields.choice("status", LearningStatus.class, true);
        BigDecimal score = fields.decimal("score", BigDecimal.ZERO, BigDecimal.valueOf(100));
        LocalDate date = fields.pastDate("completed_on", "date");
        String workflow = fields.workflowKey("workflow");
        String source = row.get("source") == null ? "import" : fields.text("source", 100, false);
        return new NewLearningRecord(personId, course, skillId, status, score, date, workflow, source);
    }
}
