package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Upserts skill assessments from CSV; every person and skill must already exist. */
@Component
class AssessmentCsvImport {

    static final Set<String> COLUMNS = Set.of("email", "external_id", "skill", "level", "assessed_on", "date",
            "source");

    private final PersonResolver people;
    private final Skills skills;
    private final SkillAssessmentService assessments;
    private final Clock clock;

    AssessmentCsvImport(PersonResolver people, Skills skills, SkillAssessmentService assessments, Clock clock) {
        this.people = people;
        this.skills = skills;
        this.assessments = assessments;
        this.clock = clock;
    }

    ImportResult run(CsvDocument document) {
        PersonResolver.Lookup lookup = people.lookup(document);
        SkillNames skillNames = new SkillNames(skills.findAll());
        return CsvImports.upsertLines(document, LocalDate.now(clock),
                (fields, row) -> parse(fields, row, lookup, skillNames),
                a -> a.personId() + "|" + a.skillId() + "|" + a.assessedOn() + "|" + a.source(),
                "person, skill, date and source", assessments::upsert);
    }

    private static NewSkillAssessment parse(CsvFields fields, CsvRow row, PersonResolver.Lookup lookup,
            SkillNames skillNames) {
        Long personId = lookup.resolve(fields, row);
        Long skillId = skillNames.resolve(fields, "skill", true);
        Integer level = fields.integer("level", 0, 4, true);
        LocalDate date = fields.pastDate("assessed_on", "date");
        String source = row.get("source") == null ? "import" : fields.text("source", 100, false);
        return new NewSkillAssessment(personId, skillId, level, date, source);
    }
}
