package dev.pitwall.portfolio;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.JsonPaths;
import dev.pitwall.platform.web.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import dev.pitwall.platform.web.InputJson;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The operating model as code: exports workflows as YAML documents and applies such files.
 * Applying reads and checks every document first (errors name the document and the field), then
 * applies all of them in one transaction; a dry run does the same and rolls back, returning what
 * would change. Applying the same file twice changes nothing.
 */
@Service
public class OperatingModelService {

    /**
     * The longest line a file may have. SnakeYAML scans a line in time that grows with the square
     * of its length (a 2 MB comment took 3 s, 8 MB 54 s); no line of a real definition comes near.
     */
    static final int MAX_LINE_LENGTH = 10_000;

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder()
                            .setCodePointLimit(4 * 1024 * 1024)
                            .setMaxAliasesForCollections(20)
                            .setAllowDuplicateKeys(false)
                            .setAllowRecursiveKeys(false)
                            .build())
                    .streamReadConstraints(InputJson.LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .addModule(InputJson.textPolicy())
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final WorkflowService workflows;
    private final TransactionTemplate transaction;

    private final org.springframework.beans.factory.ObjectProvider<LifecycleSection> lifecycle;
    private final org.springframework.beans.factory.ObjectProvider<ReviewPolicySection> review;

    OperatingModelService(WorkflowService workflows, TransactionTemplate transaction,
            org.springframework.beans.factory.ObjectProvider<LifecycleSection> lifecycle,
            org.springframework.beans.factory.ObjectProvider<ReviewPolicySection> review) {
        this.workflows = workflows;
        this.transaction = transaction;
        this.lifecycle = lifecycle;
        this.review = review;
    }

    /** What applying a file did or would do, document by document. */
    public record ApplyResult(boolean dryRun, List<AppliedWorkflow> documents) {

        public long count(AppliedWorkflow.Action action) {
            return documents.stream().filter(d -> d.action() == action).count();
        }

        public long created() {
            return count(AppliedWorkflow.Action.CREATED);
        }

        public long updated() {
            return count(AppliedWorkflow.Action.UPDATED);
        }

        public long unchanged() {
            return count(AppliedWorkflow.Action.UNCHANGED);
        }
    }

    /** The YAML of the given workflows (all of them when {@code keys} is empty), one document each. */
    public String export(List<String> keys) {
        List<String> selected = keys.isEmpty()
                ? workflows.find(null, null).stream().map(Workflow::key).sorted().toList() : keys;
        LifecycleSection section = lifecycle.getIfAvailable();
        ReviewPolicySection reviewSection = review.getIfAvailable();
        StringBuilder yaml = new StringBuilder();
        for (String key : selected) {
            WorkflowDocument.Lifecycle policy = section == null ? null
                    : section.onSev1(key).map(WorkflowDocument.Lifecycle::new).orElse(null);
            WorkflowDocument.Review rules = reviewSection == null ? null
                    : reviewSection.policy(key).map(p -> new WorkflowDocument.Review(p.rules(), p.deadlineHours(),
                            p.keepContent(), p.contentRetentionDays())).orElse(null);
            yaml.append(YAML.writeValueAsString(WorkflowDocument.of(workflows.definition(key), policy, rules)));
        }
        return yaml.toString();
    }

    /** The YAML of definitions, one document each (what {@link #apply} reads). */
    public static String toYaml(List<WorkflowDefinition> definitions) {
        StringBuilder yaml = new StringBuilder();
        definitions.forEach(d -> yaml.append(YAML.writeValueAsString(WorkflowDocument.of(d))));
        return yaml.toString();
    }

    /** Applies a file of workflow documents atomically, or only reports the changes when {@code dryRun}. */
    public ApplyResult apply(String yaml, boolean dryRun) {
        List<WorkflowDocument> documents = read(yaml);
        List<AppliedWorkflow> results = transaction.execute(status -> {
            List<AppliedWorkflow> applied = new ArrayList<>();
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                int number = i + 1;
                try {
                    AppliedWorkflow done = workflows.apply(documents.get(i).definition(), WorkflowDocument::path,
                            "applied from the operating model");
                    applied.add(done);
                    applyLifecycle(documents.get(i), number, violations);
                    applyReview(documents.get(i), number, violations);
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> violations.add(v.inDocument(number)));
                }
            }
            if (!violations.isEmpty()) {
                status.setRollbackOnly();
                throw new InvalidInputException("YAML_INVALID", documents.size() == 1
                        ? "The document is invalid; nothing was changed."
                        : violations.stream().map(Violation::document).distinct().count() + " of " + documents.size()
                                + " documents are invalid; nothing was changed.", violations);
            }
            if (dryRun) {
                status.setRollbackOnly();
            }
            return applied;
        });
        return new ApplyResult(dryRun, results);
    }

    /** Sets the lifecycle policy a document states (none stated: left as it is). */
    private void applyLifecycle(WorkflowDocument document, int number, List<Violation> violations) {
        WorkflowDocument.Lifecycle policy = document.spec() == null ? null : document.spec().lifecycle();
        if (policy == null) {
            return;
        }
        LifecycleSection section = lifecycle.getIfAvailable();
        if (section == null) {
            violations.add(new Violation(number, null, "spec.lifecycle", "lifecycle policies are not available"));
            return;
        }
        try {
            section.apply(document.metadata().key(), policy.onSev1());
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> violations.add(new Violation(number, null, "spec.lifecycle." + v.field(), v.reason())));
        }
    }

    /** Sets the review policy a document states (none stated: left as it is). */
    private void applyReview(WorkflowDocument document, int number, List<Violation> violations) {
        WorkflowDocument.Review rules = document.spec() == null ? null : document.spec().review();
        if (rules == null) {
            return;
        }
        ReviewPolicySection section = review.getIfAvailable();
        if (section == null) {
            violations.add(new Violation(number, null, "spec.review", "review policies are not available"));
            return;
        }
        try {
            section.apply(document.metadata().key(), new ReviewPolicySection.Policy(
                    rules.rules() == null ? List.of() : rules.rules(), rules.deadlineHours(), rules.keepContent(),
                    rules.contentRetentionDays()));
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> violations.add(new Violation(number, null, "spec.review." + v.field(), v.reason())));
        }
    }

    /** Reads every document, reporting each that is not well-formed or not a pitwall/v1 Workflow. */
    private List<WorkflowDocument> read(String yaml) {
        checkLines(yaml);
        List<WorkflowDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int number = 0;
            while (nodes.hasNextValue()) {
                number++;
                JsonNode node = nodes.nextValue();
                WorkflowDocument document = bind(node, number, violations);
                if (document != null) {
                    checkHeader(document, number, keys, violations);
                    documents.add(document);
                }
            }
        } catch (JacksonException e) {
            InputJson.Failure failure = InputJson.failure(e);
            violations.add(new Violation(documents.size() + 1, failure.line(), failure.field(),
                    "not well-formed YAML: " + failure.reason()));
        }
        if (documents.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation(null, null, null, "the file holds no documents"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("YAML_INVALID", "The file is invalid; nothing was changed.", violations);
        }
        return documents;
    }

    /** Refuses, before parsing, a line too long to parse in reasonable time. */
    private static void checkLines(String yaml) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            if (i == yaml.length() || yaml.charAt(i) == '\n') {
                if (i - start > MAX_LINE_LENGTH) {
                    throw new InvalidInputException("YAML_INVALID", "Line " + line + " is longer than " + MAX_LINE_LENGTH
                            + " characters; nothing was changed.", List.of(new Violation(null, line, null,
                                    "the line has " + (i - start) + " characters, at most " + MAX_LINE_LENGTH
                                            + " are read")));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static WorkflowDocument bind(JsonNode node, int number, List<Violation> violations) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            violations.add(new Violation(number, null, null, "the document is empty"));
            return null;
        }
        try {
            return YAML.treeToValue(node, WorkflowDocument.class);
        } catch (DatabindException e) {
            violations.add(new Violation(number, null, JsonPaths.of(e), JsonPaths.reason(e)));
            return null;
        }
    }

    private static void checkHeader(WorkflowDocument document, int number, Map<String, Integer> keys,
            List<Violation> violations) {
        if (!WorkflowDocument.API_VERSION.equals(document.apiVersion())) {
            violations.add(new Violation(number, null, "apiVersion", "must be " + WorkflowDocument.API_VERSION));
        }
        if (!WorkflowDocument.KIND.equals(document.kind())) {
            violations.add(new Violation(number, null, "kind", "must be " + WorkflowDocument.KIND));
        }
        String key = document.metadata() == null ? null : document.metadata().key();
        if (key != null) {
            Integer first = keys.putIfAbsent(key, number);
            if (first != null) {
                violations.add(new Violation(number, null, "metadata.key",
                        "'" + key + "' is already described by document " + first));
            }
        }
    }

}
