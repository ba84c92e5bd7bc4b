package dev.pitwall.portfolio;

import dev.pitwall.portfolio.WorkflowDefinition.DataSourceSpec;
import dev.pitwall.portfolio.WorkflowDefinition.IntendedUsers;
import dev.pitwall.portfolio.WorkflowDefinition.SkillRequirement;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.internal.WorkflowParts;
import dev.pitwall.portfolio.internal.Workflows;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Reads a workflow with all its parts, as details for pages or as its canonical definition. */
@Component
class WorkflowReader {

    private final Workflows workflows;
    private final WorkflowParts parts;

    WorkflowReader(Workflows workflows, WorkflowParts parts) {
        this.workflows = workflows;
        this.parts = parts;
    }

    Workflow workflow(String key) {
        return workflows.findByKey(key).orElseThrow(() -> new WorkflowNotFound(key));
    }

    WorkflowDetails details(Workflow workflow) {
        long id = workflow.id();
        return new WorkflowDetails(workflow, parts.steps(id), parts.systems(id), parts.intendedUsers(id),
                parts.roles(id), parts.rights(id), parts.dataSources(id));
    }

    /** The details of many workflows with a fixed number of queries (not a few per workflow). */
    java.util.Map<Long, WorkflowDetails> detailsOf(List<Workflow> workflows) {
        List<Long> ids = workflows.stream().map(Workflow::id).toList();
        var steps = parts.stepsOf(ids);
        var systems = parts.systemsOf(ids);
        var users = parts.intendedUsersOf(ids);
        var roles = parts.rolesOf(ids);
        var rights = parts.rightsOf(ids);
        var sources = parts.dataSourcesOf(ids);
        java.util.Map<Long, WorkflowDetails> details = new java.util.HashMap<>();
        for (Workflow w : workflows) {
            long id = w.id();
            details.put(id, new WorkflowDetails(w, steps.getOrDefault(id, List.of()), systems.getOrDefault(id, List.of()),
                    users.getOrDefault(id, List.of()), roles.getOrDefault(id, List.of()), rights.get(id),
                    sources.getOrDefault(id, List.of())));
        }
        return details;
    }

    /** The canonical definition, in the form {@link DefinitionResolver} produces for equal input. */
    WorkflowDefinition definition(WorkflowDetails details) {
        Workflow w = details.workflow();
        Map<DecisionRight, String> rights = new LinkedHashMap<>();
        details.decisionRights().forEach(r -> rights.put(r.right(), r.holder() != null ? r.holder().email()
                : r.role() != null ? DefinitionResolver.ROLE_PREFIX + r.role().name() : null));
        List<WorkflowDefinition.Role> roles = details.roles().stream().map(r -> new WorkflowDefinition.Role(r.name(),
                r.description(), r.members().stream().map(PersonRef::email).sorted().toList(),
                r.skills().stream().map(s -> new SkillRequirement(s.skillName(), s.level()))
                        .sorted(Comparator.comparing(SkillRequirement::skill)).toList()))
                .toList();
        IntendedUsers users = new IntendedUsers(
                details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::personEmail).filter(Objects::nonNull)
                        .sorted().toList(),
                details.intendedUsers().stream().map(WorkflowDetails.IntendedUser::teamName).filter(Objects::nonNull)
                        .sorted().toList());
        List<DataSourceSpec> sources = details.dataSources().stream()
                .map(d -> new DataSourceSpec(d.name(), d.owningSystem(), d.steward() == null ? null : d.steward().email()))
                .sorted(Comparator.comparing(DataSourceSpec::name)).toList();
        return new WorkflowDefinition(w.key(), w.name(), w.description(), w.initiativeName(), w.stage(), w.aiGoLive(),
                details.systems().stream().map(WorkflowDetails.SystemRef::key).sorted().toList(),
                details.steps().stream().map(s -> new WorkflowDefinition.Step(s.name(), s.actor(), s.tool(),
                        s.manualHandoff(), s.manualDataAssembly())).toList(),
                rights, roles, users, sources);
    }
}
