package dev.pitwall.people;

import java.time.LocalDate;

/**
 * A person's level in a skill on a date, from a source (self-assessment, manager review, test...).
 *
 * @param id the assessment's id
 * @param personId who
 * @param personName their name
 * @param skillId which skill
 * @param skillName its name
 * @param level 0 (none) to 4 (expert)
 * @param assessedOn when
 * @param source how it was assessed
 */
public record SkillAssessment(long id, long personId, String personName, long skillId, String skillName, int level,
        LocalDate assessedOn, String source) {
}
