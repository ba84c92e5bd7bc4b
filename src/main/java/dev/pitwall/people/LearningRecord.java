package dev.pitwall.people;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A learning activity of a person: a course completed, passed or failed, optionally building a
 * skill and linked to the workflow it enables.
 *
 * @param id the record's id
 * @param personId who
 * @param personName their name
 * @param course the course or enablement
 * @param skillId the skill it builds, or {@code null}
 * @param skillName its name
 * @param status completed, passed or failed
 * @param score percentage 0–100, or {@code null}
 * @param completedOn when
 * @param workflowKey the workflow this enablement is for, or {@code null}
 * @param source where the record came from (import, xAPI, API...)
 */
public record LearningRecord(long id, long personId, String personName, String course, Long skillId, String skillName,
        LearningStatus status, BigDecimal score, LocalDate completedOn, String workflowKey, String source) {
}
