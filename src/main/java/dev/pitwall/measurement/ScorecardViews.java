package dev.pitwall.measurement;

import dev.pitwall.platform.privacy.PeopleData;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Scorecards as the signed-in viewer may see them (docs/privacy.md, "Minimum group size"): for a
 * viewer who may not identify people, no figure rests on fewer people than the minimum group size
 * — workflows with too few intended users have their figures about people withheld, so have
 * scopes (an initiative, a tiny organization) resting on too few people, and adoption levels too
 * small to show. Holders of {@code people:identify} see every figure. Pages, the API, CSV exports
 * and charts read scorecards through here; {@link ScorecardService} stays the unprotected source
 * for analyses that reach owners.
 */
@Service
public class ScorecardViews {

    private final ScorecardService scorecards;
    private final OrganizationValueCapture valueCapture;
    private final PeopleData peopleData;

    ScorecardViews(ScorecardService scorecards, OrganizationValueCapture valueCapture, PeopleData peopleData) {
        this.scorecards = scorecards;
        this.valueCapture = valueCapture;
        this.peopleData = peopleData;
    }

    /** The organization's value-capture waterfall, without workflows of too few intended users for this viewer. */
    public OrganizationValueCapture.Waterfall valueCapture(LocalDate asOf) {
        return valueCapture.organization(asOf, peopleData.identifies() ? 0 : peopleData.minGroupSize());
    }

    /** The waterfall as anyone without {@code people:identify} sees it (see {@link #protectedView(OrganizationScorecard)}). */
    public OrganizationValueCapture.Waterfall protectedValueCapture(LocalDate asOf) {
        return valueCapture.organization(asOf, peopleData.minGroupSize());
    }

    public WorkflowScorecard workflow(String key, LocalDate asOf) {
        return asSeen(scorecards.workflow(key, asOf));
    }

    public OrganizationScorecard organization(LocalDate asOf) {
        return asSeen(scorecards.organization(asOf));
    }

    public OrganizationScorecard initiative(long id, LocalDate asOf) {
        return asSeen(scorecards.initiative(id, asOf));
    }

    public OrganizationScorecard team(long id, LocalDate asOf) {
        return asSeen(scorecards.team(id, asOf));
    }

    public OrganizationScorecard filtered(ScorecardFilter filter, LocalDate asOf) {
        return asSeen(scorecards.filtered(filter, asOf));
    }

    public WorkflowScorecard asSeen(WorkflowScorecard card) {
        return peopleData.identifies() ? card : protectedView(card, peopleData.minGroupSize());
    }

    public OrganizationScorecard asSeen(OrganizationScorecard card) {
        return peopleData.identifies() ? card : protectedView(card);
    }

    /**
     * The scorecard as anyone without {@code people:identify} sees it, whoever asks: for documents
     * that leave Pitwall, such as the board pack.
     */
    public OrganizationScorecard protectedView(OrganizationScorecard card) {
        return card.withFewPeopleWithheld(peopleData.minGroupSize());
    }

    static WorkflowScorecard protectedView(WorkflowScorecard card, int minGroupSize) {
        // Few intended users first: it reads their number off the levels, which the second step withholds.
        return card.withFewPeopleWithheld(minGroupSize).withSmallLevelsWithheld(minGroupSize);
    }

    public int minGroupSize() {
        return peopleData.minGroupSize();
    }
}
