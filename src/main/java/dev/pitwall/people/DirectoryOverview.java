package dev.pitwall.people;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the directory's headline figures from the stored records. */
@Service
public class DirectoryOverview {

    private final Persons persons;
    private final Teams teams;
    private final Skills skills;
    private final SkillAssessments assessments;
    private final LearningRecords learning;

    DirectoryOverview(Persons persons, Teams teams, Skills skills, SkillAssessments assessments,
            LearningRecords learning) {
        this.persons = persons;
        this.teams = teams;
        this.skills = skills;
        this.assessments = assessments;
        this.learning = learning;
    }

    @Transactional(readOnly = true)
    public DirectoryFigures figures() {
        long active = persons.count(new PersonQuery(null, null, null, null, true, null));
        return new DirectoryFigures(active, teams.findAll().size(), skills.findAll().size(),
                persons.countActiveByTier(), persons.countActiveByLevel(), assessments.countPeopleAssessed(),
                learning.countPeopleTrained());
    }

    /** Whether the directory has no people at all (a fresh installation). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return persons.count(PersonQuery.everyone()) == 0;
    }
}
