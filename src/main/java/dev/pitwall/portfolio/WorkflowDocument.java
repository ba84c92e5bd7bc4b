package dev.pitwall.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One workflow as a YAML document of the operating model, in the shape of Kubernetes-style
 * descriptors (and Backstage's {@code catalog-info.yaml}):
 * <pre>
 * apiVersion: pitwall/v1
 * kind: Workflow
 * metadata: {key, name, description}
 * spec: {stage, aiGoLive, initiative, systems, steps, decisionRights, roles, intendedUsers, dataSources,
 *        lifecycle: {onSev1}, review: {rules, deadlineHours, keepContent, contentRetentionDays}}
 * </pre>
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record WorkflowDocument(String apiVersion, String kind, Metadata metadata, Spec spec) {

    public static final String API_VERSION = "pitwall/v1";
    public static final String KIND = "Workflow";

    /** The workflow's identity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String key, String name, String description) {
    }

    /** The workflow's operating model. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(WorkflowStage stage, LocalDate aiGoLive, String initiative, List<String> systems,
            List<WorkflowDefinition.Step> steps, Map<DecisionRight, String> decisionRights,
            List<WorkflowDefinition.Role> roles, WorkflowDefinition.IntendedUsers intendedUsers,
            List<WorkflowDefinition.DataSourceSpec> dataSources, Lifecycle lifecycle, Review review) {
    }

    /** The review policy (docs/review.md): rules, deadline and whether content is kept. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Review(List<ReviewPolicySection.Rule> rules, Integer deadlineHours, Boolean keepContent,
            Integer contentRetentionDays) {
    }

    /** What a SEV1 incident does to the workflow in production: DEMOTE, FALLBACK or NOTIFY. */
    public record Lifecycle(String onSev1) {
    }

    static WorkflowDocument of(WorkflowDefinition d) {
        return of(d, null);
    }

    static WorkflowDocument of(WorkflowDefinition d, Lifecycle lifecycle) {
        return of(d, lifecycle, null);
    }

    static WorkflowDocument of(WorkflowDefinition d, Lifecycle lifecycle, Review review) {
        return new WorkflowDocument(API_VERSION, KIND, new Metadata(d.key(), d.name(), d.description()),
                new Spec(d.stage(), d.aiGoLive(), d.initiative(), d.systems(), d.steps(), d.decisionRights(), d.roles(),
                        d.intendedUsers(), d.dataSources(), lifecycle, review));
    }

    WorkflowDefinition definition() {
        Metadata m = metadata == null ? new Metadata(null, null, null) : metadata;
        Spec s = spec == null ? new Spec(null, null, null, null, null, null, null, null, null, null, null) : spec;
        return new WorkflowDefinition(m.key(), m.name(), m.description(), s.initiative(), s.stage(), s.aiGoLive(),
                s.systems(), s.steps(), s.decisionRights(), s.roles(), s.intendedUsers(), s.dataSources());
    }

    /** Where a field of the flat definition lives in the document. */
    static String path(String field) {
        boolean meta = field.equals("key") || field.equals("name") || field.equals("description");
        return (meta ? "metadata." : "spec.") + field;
    }
}
