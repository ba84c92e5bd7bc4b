package dev.pitwall.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A workflow's whole operating model in one value: what the JSON API ({@code PUT
 * /api/v1/workflows/{key}}) and the YAML documents of the operating model carry. People are named
 * by email, teams, initiatives and skills by name, AI systems by key.
 *
 * @param key stable slug
 * @param name display name
 * @param description what work it is
 * @param initiative the initiative's name
 * @param stage the stage; a change to {@code PRODUCTION} passes the gate
 * @param aiGoLive when AI started to take part in the work
 * @param systems the keys of the AI systems it uses
 * @param steps the steps in order
 * @param decisionRights who holds each right: a person's email, or {@code role:<name>} for one of the workflow's
 *     roles (not ACCOUNTABLE_OWNER); a right left out or {@code null} is held by nobody
 * @param roles the roles on the workflow
 * @param intendedUsers the people it was built for
 * @param dataSources the data it depends on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDefinition(String key, String name, String description, String initiative, WorkflowStage stage,
        LocalDate aiGoLive, List<String> systems, List<Step> steps, Map<DecisionRight, String> decisionRights,
        List<Role> roles, IntendedUsers intendedUsers, List<DataSourceSpec> dataSources) {

    /** A step of the workflow; the two flags are false when left out. */
    public record Step(String name, ActorType actor, String tool, Boolean manualHandoff, Boolean manualDataAssembly) {

        public Step {
            manualHandoff = Boolean.TRUE.equals(manualHandoff);
            manualDataAssembly = Boolean.TRUE.equals(manualDataAssembly);
        }
    }

    /** A role with its people and the skill levels it requires. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Role(String name, String description, List<String> members, List<SkillRequirement> skills) {
    }

    /** A skill (by name) a role requires, at a level of 1 to 4. */
    public record SkillRequirement(String skill, Integer level) {
    }

    /** The intended users: named people (emails) and whole teams (names, with their sub-teams). */
    public record IntendedUsers(List<String> people, List<String> teams) {
    }

    /** A data source: name, the system that owns it, and its steward's email. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataSourceSpec(String name, String owningSystem, String steward) {
    }
}
