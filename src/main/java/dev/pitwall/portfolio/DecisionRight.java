package dev.pitwall.portfolio;

/** The nine decision rights every workflow must have held by a named, active person. */
public enum DecisionRight {
    ACCOUNTABLE_OWNER("Answers for the workflow's outcome; grants waivers."),
    OUTPUT_APPROVER("Approves the AI output before it takes effect."),
    OVERRIDE_AUTHORITY("May override or reject the AI output."),
    TECHNICAL_OWNER("Owns the AI systems and their integration."),
    SUPPORT_OWNER("Supports the people who use the workflow."),
    QUALITY_MONITOR("Watches the quality of the output over time."),
    ACCESS_GOVERNOR("Decides who may use the workflow and its data."),
    DOCUMENTATION_OWNER("Keeps the workflow's documentation current."),
    ESCALATION_CONTACT("Is called when it goes wrong.");

    private final String description;

    DecisionRight(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
