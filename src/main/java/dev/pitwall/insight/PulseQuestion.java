package dev.pitwall.insight;

/**
 * The questions a pulse asks. Statements on the agreement scale are answered 1 (strongly disagree)
 * to 5 (strongly agree) and reported as the share agreeing (4 or 5); the sentiment statements are
 * scored 0 to 100 and reported as their mean.
 */
public enum PulseQuestion {
    CONFIDENCE("confidence", "AI will improve our business's results.", Scale.AGREEMENT),
    ROLE_CLARITY("roleClarity", "I know who decides on AI output in my work.", Scale.AGREEMENT),
    READINESS("readiness", "I am ready to use AI well in my work.", Scale.AGREEMENT),
    SENTIMENT_VALUE("sentimentValue", "AI makes my work better.", Scale.SCORE),
    SENTIMENT_TRUST("sentimentTrust", "I trust the AI output I work with.", Scale.SCORE),
    SENTIMENT_TIME("sentimentTime", "I have the time to learn to use AI well.", Scale.SCORE),
    SENTIMENT_SUPPORT("sentimentSupport", "My manager supports my use of AI.", Scale.SCORE);

    /** How a question is answered. */
    public enum Scale {
        /** 1 to 5; reported as the share answering 4 or 5. */
        AGREEMENT(1, 5),
        /** 0 to 100; reported as the mean. */
        SCORE(0, 100);

        private final int min;
        private final int max;

        Scale(int min, int max) {
            this.min = min;
            this.max = max;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }
    }

    private final String field;
    private final String statement;
    private final Scale scale;

    PulseQuestion(String field, String statement, Scale scale) {
        this.field = field;
        this.statement = statement;
        this.scale = scale;
    }

    /** The name of the answer's field in forms, the API and exports. */
    public String field() {
        return field;
    }

    public String statement() {
        return statement;
    }

    public Scale scale() {
        return scale;
    }

    public boolean agreement() {
        return scale == Scale.AGREEMENT;
    }
}
