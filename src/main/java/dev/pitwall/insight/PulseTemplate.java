package dev.pitwall.insight;

import java.util.List;

/** The survey templates a pulse is made from: which questions it asks. */
public enum PulseTemplate {
    /** Every question: confidence, role clarity, readiness and the four sentiment statements. */
    AI_OPERATING_PULSE("AI operating pulse", List.of(PulseQuestion.values())),
    /** The two questions behind the confidence divide and decision-rights clarity. */
    CONFIDENCE_CHECK("Confidence and role clarity", List.of(PulseQuestion.CONFIDENCE, PulseQuestion.ROLE_CLARITY)),
    /** Readiness and the four sentiment statements. */
    READINESS_CHECK("Readiness and sentiment", List.of(PulseQuestion.READINESS, PulseQuestion.SENTIMENT_VALUE,
            PulseQuestion.SENTIMENT_TRUST, PulseQuestion.SENTIMENT_TIME, PulseQuestion.SENTIMENT_SUPPORT));

    private final String label;
    private final List<PulseQuestion> questions;

    PulseTemplate(String label, List<PulseQuestion> questions) {
        this.label = label;
        this.questions = questions;
    }

    public String label() {
        return label;
    }

    public List<PulseQuestion> questions() {
        return questions;
    }

    public boolean asks(PulseQuestion question) {
        return questions.contains(question);
    }
}
