package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<Violation> violations = new ArrayList<>();
        PersonResolver.Lookup lookup = people.lookup(document);
        Map<String, Long> skillIds = new HashMap<>();
        skills.findAll().forEach(s -> skillIds.put(Skills.key(s.name()), s.id()));
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<NewLearningRecord> valid = new ArrayList<>();
        for (CsvRow row : document.rows()) {
            int before = violations.size();
            CsvFields f = new CsvFields(row, violations, today);
            Long personId = lookup.resolve(f, row);
            String course = f.text("course", 300, true);
            String skill = f.text("skill", 200, false);
            Long skillId = skill == null ? null : skillIds.get(Skills.key(skill));
            if (skill != null && skillId == null) {
                f.fail("skill", "'" + skill + "' is not in the skills catalog");
            }
            LearningStatus status = f.choice("status", LearningStatus.class, true);
            BigDecimal score = f.decimal("score", BigDecimal.ZERO, BigDecimal.valueOf(100));
            LocalDate date = f.pastDate("completed_on", "date");
            String workflow = f.workflowKey("workflow");
            String source = row.get("source") == null ? "import" : f.text("source", 100, false);
            if (violations.size() == before) {
                CsvImports.checkRepeatedRecord(f, personId + "|" + LearningRecords.key(course) + "|" + date + "|" + status,
                        seen, "person, course, date and status");
            }
            if (violations.size() == before) {
                valid.add(new NewLearningRecord(personId, course, skillId, status, score, date, workflow, source));
            }
        }
        CsvImports.rejectIfAny(violations);
        return CsvImports.apply(valid, document, records::upsert);
    }
}
