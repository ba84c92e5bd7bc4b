package dev.pitwall.portfolio;

/** What kind of AI system it is. */
public enum AiSystemKind {
    LLM_APPLICATION, AGENT, ML_MODEL, SAAS_COPILOT
}
