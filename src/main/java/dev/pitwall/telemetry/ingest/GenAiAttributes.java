package dev.pitwall.telemetry.ingest;

import java.util.List;
import java.util.Set;

/**
 * The OpenTelemetry attribute names Pitwall reads, current names first and the deprecated ones
 * still emitted by older instrumentations after them (GenAI semantic conventions).
 */
final class GenAiAttributes {

    static final String PREFIX = "gen_ai.";
    static final List<String> PROVIDER = List.of("gen_ai.provider.name", "gen_ai.system");
    static final List<String> OPERATION = List.of("gen_ai.operation.name");
    static final List<String> REQUEST_MODEL = List.of("gen_ai.request.model");
    static final List<String> RESPONSE_MODEL = List.of("gen_ai.response.model");
    static final List<String> AGENT_NAME = List.of("gen_ai.agent.name");
    static final List<String> INPUT_TOKENS = List.of("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens");
    static final List<String> OUTPUT_TOKENS = List.of("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens");
    static final List<String> COST = List.of("pitwall.cost", "gen_ai.usage.cost");
    static final List<String> PERSON = List.of("user.id", "enduser.id", "user.email");
    static final List<String> ERROR_TYPE = List.of("error.type");
    static final String SERVICE_NAME = "service.name";
    static final String WORKFLOW = "pitwall.workflow";
    static final String SYSTEM = "pitwall.system";
    static final String OUTCOME = "pitwall.outcome";

    /** Evaluation events ({@code gen_ai.evaluation.result}). */
    static final String EVALUATION_EVENT = "gen_ai.evaluation.result";
    static final String EVALUATION_NAME = "gen_ai.evaluation.name";
    static final String EVALUATION_SCORE_VALUE = "gen_ai.evaluation.score.value";
    static final String EVALUATION_SCORE_LABEL = "gen_ai.evaluation.score.label";
    static final String EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation";

    /**
     * Content attributes (prompts, completions, instructions, tool definitions): never stored.
     * They may hold personal data and are large; usage needs none of them.
     */
    static final Set<String> CONTENT = Set.of("gen_ai.input.messages", "gen_ai.output.messages",
            "gen_ai.system_instructions", "gen_ai.tool.definitions", "gen_ai.prompt", "gen_ai.completion",
            "gen_ai.tool.call.arguments", "gen_ai.tool.call.result", "gen_ai.retrieval.documents",
            "gen_ai.retrieval.query.text", "gen_ai.evaluation.explanation");

    /** Attributes stored in their own columns, so not again among the kept attributes. */
    static final Set<String> MAPPED = Set.of("gen_ai.operation.name", "gen_ai.usage.input_tokens",
            "gen_ai.usage.prompt_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "pitwall.cost",
            "gen_ai.usage.cost", "user.id", "enduser.id", "user.email", WORKFLOW, SYSTEM, OUTCOME);

    private GenAiAttributes() {
    }
}
