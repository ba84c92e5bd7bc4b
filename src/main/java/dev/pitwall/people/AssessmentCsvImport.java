package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        List<Violation> violations = new ArrayList<>();
        PersonResolver.Lookup lookup = people.lookup(document);
        Map<String, Long> skillIds = new HashMap<>();
        skills.findAll().forEach(s -> skillIds.put(Skills.key(s.name()), s.id()));
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<NewSkillAssessment> valid = new ArrayList<>();
        for (CsvRow row : document.rows()) {
            int before = violations.size();
            CsvFields f = new CsvFields(row, violations, today);
            Long personId = lookup.resolve(f, row);
            String skill = f.text("skill", 200, true);
            Long skillId = skill == null ? null : skillIds.get(Skills.key(skill));
            if (skill != null && skillId == null) {
                f.fail("skill", "'" + skill + "' is not in the skills catalog");
            }
            Integer level = f.integer("level", 0, 4, true);
            LocalDate date = f.pastDate("assessed_on", "date");
            String source = row.get("source") == null ? "import" : f.text("source", 100, false);
            if (violations.size() == before) {
                CsvImports.checkRepeatedRecord(f, personId + "|" + skillId + "|" + date + "|" + source, seen,
                        "person, skill, date and source");
            }
            if (violations.size() == before) {
                valid.add(new NewSkillAssessment(personId, skillId, level, date, source));
            }
        }
        CsvImports.rejectIfAny(violations);
        return CsvImports.apply(valid, document, assessments::upsert);
    }
}
