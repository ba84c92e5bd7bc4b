package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;

import dev.pitwall.people.Tier;
import dev.pitwall.portfolio.ActorType;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.WorkflowDetails.DataAssessment;
import dev.pitwall.portfolio.WorkflowDetails.DataSource;
import dev.pitwall.portfolio.WorkflowDetails.IntendedUser;
import dev.pitwall.portfolio.WorkflowDetails.PersonRef;
import dev.pitwall.portfolio.WorkflowDetails.RequiredSkill;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.WorkflowDetails.Role;
import dev.pitwall.portfolio.WorkflowDetails.RoleHolder;
import dev.pitwall.portfolio.WorkflowDetails.Step;
import dev.pitwall.portfolio.WorkflowDetails.SystemRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parts of a workflow: steps, AI systems, intended users, roles, decision rights and data
 * sources. Lists are replaced whole when a workflow is applied; data sources are matched by name
 * so that their assessment history survives.
 */
@Repository
public class WorkflowParts {

    private static final String PERSON = "p.id AS p_id, p.name AS p_name, p.email AS p_email, p.active AS p_active, p.tier AS p_tier";

    /** Ids of what a workflow's definition names, resolved. */
    public record RoleRow(String name, String description, List<Long> memberIds, Map<Long, Integer> skillLevels) {
    }

    /** A data source to keep or create. */
    public record SourceRow(String name, String owningSystem, Long stewardId) {
    }

    /** A decision right's holder: a person, a role of the workflow by name, or neither (nobody). */
    public record RightRow(Long personId, String roleName) {

        public RightRow(Long personId) {
            this(personId, null);
        }
    }

    private final JdbcClient jdbc;

    WorkflowParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Step> steps(long workflowId) {
        return stepsOf(List.of(workflowId)).getOrDefault(workflowId, List.of());
    }

    /** The steps of several workflows, by workflow id (absent: none). */
    public Map<Long, List<Step>> stepsOf(Collection<Long> workflowIds) {
        Map<Long, List<Step>> steps = new HashMap<>();
        if (!workflowIds.isEmpty()) {
            jdbc.sql("SELECT * FROM portfolio_workflow_step WHERE workflow_id IN (:ids) ORDER BY workflow_id, step_order")
                    .param("ids", workflowIds)
                    .query(rs -> {
                        add(steps, rs.getLong("workflow_id"), new Step(rs.getInt("step_order"), rs.getString("name"),
                                ActorType.valueOf(rs.getString("actor_type")), rs.getString("tool"),
                                rs.getBoolean("manual_handoff"), rs.getBoolean("manual_data_assembly")));
                    });
        }
        return steps;
    }

    public void replaceSteps(long workflowId, List<Step> steps) {
        jdbc.sql("DELETE FROM portfolio_workflow_step WHERE workflow_id = ?").param(workflowId).update();
        for (Step step : steps) {
            jdbc.sql("""
                    INSERT INTO portfolio_workflow_step (workflow_id, step_order, name, actor_type, tool, manual_handoff,
                        manual_data_assembly) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(workflowId, step.order(), step.name(), step.actor().name(), step.tool(),
                    step.manualHandoff(), step.manualDataAssembly()).update();
        }
    }

    public List<SystemRef> systems(long workflowId) {
        return systemsOf(List.of(workflowId)).getOrDefault(workflowId, List.of());
    }

    public Map<Long, List<SystemRef>> systemsOf(Collection<Long> workflowIds) {
        Map<Long, List<SystemRef>> systems = new HashMap<>();
        if (!workflowIds.isEmpty()) {
            jdbc.sql("""
                    SELECT ws.workflow_id, s.id, s.system_key, s.name, s.kind FROM portfolio_workflow_system ws
                    JOIN portfolio_ai_system s ON s.id = ws.system_id WHERE ws.workflow_id IN (:ids)
                    ORDER BY ws.workflow_id, s.system_key
                    """).param("ids", workflowIds)
                    .query(rs -> {
                        add(systems, rs.getLong(1), new SystemRef(rs.getLong(2), rs.getString(3), rs.getString(4),
                                AiSystemKind.valueOf(rs.getString(5))));
                    });
        }
        return systems;
    }

    public void replaceSystems(long workflowId, List<Long> systemIds) {
        jdbc.sql("DELETE FROM portfolio_workflow_system WHERE workflow_id = ?").param(workflowId).update();
        systemIds.forEach(id -> jdbc.sql("INSERT INTO portfolio_workflow_system (workflow_id, system_id) VALUES (?, ?)")
                .params(workflowId, id).update());
    }

    public List<IntendedUser> intendedUsers(long workflowId) {
        return intendedUsersOf(List.of(workflowId)).getOrDefault(workflowId, List.of());
    }

    public Map<Long, List<IntendedUser>> intendedUsersOf(Collection<Long> workflowIds) {
        Map<Long, List<IntendedUser>> users = new HashMap<>();
        if (!workflowIds.isEmpty()) {
            jdbc.sql("""
                    SELECT u.workflow_id, u.person_id, p.name AS person_name, p.email, u.team_id, t.name AS team_name
                    FROM portfolio_intended_user u
                    LEFT JOIN people_person p ON p.id = u.person_id
                    LEFT JOIN people_team t ON t.id = u.team_id
                    WHERE u.workflow_id IN (:ids) ORDER BY u.workflow_id, t.name, p.name
                    """).param("ids", workflowIds)
                    .query(rs -> {
                        add(users, rs.getLong("workflow_id"), new IntendedUser(nullableLong(rs, "person_id"),
                                rs.getString("person_name"), rs.getString("email"), nullableLong(rs, "team_id"),
                                rs.getString("team_name")));
                    });
        }
        return users;
    }

    public void replaceIntendedUsers(long workflowId, List<Long> personIds, List<Long> teamIds) {
        jdbc.sql("DELETE FROM portfolio_intended_user WHERE workflow_id = ?").param(workflowId).update();
        personIds.forEach(id -> jdbc.sql("INSERT INTO portfolio_intended_user (workflow_id, person_id) VALUES (?, ?)")
                .params(workflowId, id).update());
        teamIds.forEach(id -> jdbc.sql("INSERT INTO portfolio_intended_user (workflow_id, team_id) VALUES (?, ?)")
                .params(workflowId, id).update());
    }

    public List<Role> roles(long workflowId) {
        return rolesOf(List.of(workflowId)).getOrDefault(workflowId, List.of());
    }

    /** Roles with their members and required skills: three queries whatever the number of workflows. */
    public Map<Long, List<Role>> rolesOf(Collection<Long> workflowIds) {
        if (workflowIds.isEmpty()) {
            return new HashMap<>();
        }
        record RoleRowRead(long workflowId, long id, String name, String description) {
        }
        List<RoleRowRead> rows = jdbc.sql("SELECT * FROM portfolio_workflow_role WHERE workflow_id IN (:ids) ORDER BY id")
                .param("ids", workflowIds)
                .query((rs, n) -> new RoleRowRead(rs.getLong("workflow_id"), rs.getLong("id"), rs.getString("name"),
                        rs.getString("description")))
                .list();
        Map<Long, List<PersonRef>> members = new HashMap<>();
        Map<Long, List<RequiredSkill>> skills = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Long> roleIds = rows.stream().map(RoleRowRead::id).toList();
            jdbc.sql("SELECT m.role_id, " + PERSON + """
                     FROM portfolio_role_member m JOIN people_person p ON p.id = m.person_id
                    WHERE m.role_id IN (:roles) ORDER BY m.role_id, p.name
                    """).param("roles", roleIds).query(rs -> {
                        add(members, rs.getLong("role_id"), person(rs));
                    });
            jdbc.sql("""
                    SELECT r.role_id, r.skill_id, s.name, r.required_level FROM portfolio_role_skill r
                    JOIN people_skill s ON s.id = r.skill_id WHERE r.role_id IN (:roles) ORDER BY r.role_id, s.name
                    """).param("roles", roleIds).query(rs -> {
                        add(skills, rs.getLong(1), new RequiredSkill(rs.getLong(2), rs.getString(3), rs.getInt(4)));
                    });
        }
        Map<Long, List<Role>> roles = new HashMap<>();
        for (RoleRowRead row : rows) {
            add(roles, row.workflowId(), new Role(row.id(), row.name(), row.description(),
                    members.getOrDefault(row.id(), List.of()), skills.getOrDefault(row.id(), List.of())));
        }
        return roles;
    }

    public void replaceRoles(long workflowId, List<RoleRow> roles) {
        jdbc.sql("DELETE FROM portfolio_workflow_role WHERE workflow_id = ?").param(workflowId).update();
        for (RoleRow role : roles) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO portfolio_workflow_role (workflow_id, name, description) VALUES (?, ?, ?)")
                    .params(workflowId, role.name(), role.description()).update(keys, "id");
            long roleId = keys.getKeyAs(Number.class).longValue();
            role.memberIds().forEach(p -> jdbc.sql("INSERT INTO portfolio_role_member (role_id, person_id) VALUES (?, ?)")
                    .params(roleId, p).update());
            role.skillLevels().forEach((skill, level) -> jdbc.sql(
                    "INSERT INTO portfolio_role_skill (role_id, skill_id, required_level) VALUES (?, ?, ?)")
                    .params(roleId, skill, level).update());
        }
    }

    /** All nine rights of a workflow, in the order of {@link DecisionRight}. */
    public List<RightHolding> rights(long workflowId) {
        return rightsOf(List.of(workflowId)).getOrDefault(workflowId, empty());
    }

    /** The rights of several workflows at once (for the matrix of the whole portfolio). */
    public Map<Long, List<RightHolding>> rightsOf(Collection<Long> workflowIds) {
        Map<Long, Map<DecisionRight, RightHolding>> held = new HashMap<>();
        if (!workflowIds.isEmpty()) {
            Map<Long, List<Role>> roles = new HashMap<>();
            List<Long> withRoles = jdbc.sql("""
                    SELECT DISTINCT workflow_id FROM portfolio_decision_right
                    WHERE workflow_id IN (:ids) AND role_name IS NOT NULL""").param("ids", workflowIds)
                    .query(Long.class).list();
            if (!withRoles.isEmpty()) {
                roles.putAll(rolesOf(withRoles));
            }
            jdbc.sql("SELECT r.workflow_id, r.decision_right, r.note, r.role_name, " + PERSON + """
                     FROM portfolio_decision_right r LEFT JOIN people_person p ON p.id = r.person_id
                    WHERE r.workflow_id IN (:ids)
                    """).param("ids", workflowIds)
                    .query(rs -> {
                        long workflowId = rs.getLong("workflow_id");
                        DecisionRight right = DecisionRight.valueOf(rs.getString("decision_right"));
                        PersonRef holder = nullableLong(rs, "p_id") == null ? null : person(rs);
                        String roleName = rs.getString("role_name");
                        held.computeIfAbsent(workflowId, k -> new EnumMap<>(DecisionRight.class))
                                .put(right, new RightHolding(right, holder, rs.getString("note"),
                                        roleName == null ? null : roleHolder(roleName, roles.get(workflowId))));
                    });
        }
        Map<Long, List<RightHolding>> result = new HashMap<>();
        for (Long id : workflowIds) {
            Map<DecisionRight, RightHolding> rights = held.getOrDefault(id, Map.of());
            result.put(id, java.util.Arrays.stream(DecisionRight.values())
                    .map(r -> rights.getOrDefault(r, new RightHolding(r, null, null))).toList());
        }
        return result;
    }

    /** The role of that name among the workflow's roles (names compare ignoring case), with its members. */
    private static RoleHolder roleHolder(String name, List<Role> roles) {
        return (roles == null ? List.<Role>of() : roles).stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
                .map(r -> new RoleHolder(r.name(), true, r.members()))
                .orElse(new RoleHolder(name, false, List.of()));
    }

    /** Sets who holds a right, keeping its note. */
    public void setHolder(long workflowId, DecisionRight right, Long personId) {
        setHolder(workflowId, right, new RightRow(personId, null));
    }

    /** Sets who holds a right (a person, a role, or nobody), keeping its note. */
    public void setHolder(long workflowId, DecisionRight right, RightRow holder) {
        int updated = jdbc.sql("UPDATE portfolio_decision_right SET person_id = ?, role_name = ? "
                + "WHERE workflow_id = ? AND decision_right = ?")
                .params(holder.personId(), holder.roleName(), workflowId, right.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO portfolio_decision_right (workflow_id, decision_right, person_id, role_name) "
                    + "VALUES (?, ?, ?, ?)").params(workflowId, right.name(), holder.personId(), holder.roleName()).update();
        }
    }

    /** Sets the note of a right ("it depends on the case"), keeping its holder. */
    public void setNote(long workflowId, DecisionRight right, String note) {
        int updated = jdbc.sql("UPDATE portfolio_decision_right SET note = ? WHERE workflow_id = ? AND decision_right = ?")
                .params(note, workflowId, right.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO portfolio_decision_right (workflow_id, decision_right, note) VALUES (?, ?, ?)")
                    .params(workflowId, right.name(), note).update();
        }
    }

    public List<DataSource> dataSources(long workflowId) {
        return dataSourcesOf(List.of(workflowId)).getOrDefault(workflowId, List.of());
    }

    /** Data sources with their latest assessment: two queries whatever the number of workflows. */
    public Map<Long, List<DataSource>> dataSourcesOf(Collection<Long> workflowIds) {
        return dataSourcesOf(workflowIds, java.time.LocalDate.of(9999, 12, 31));
    }

    /** Data sources with their latest assessment made on or before {@code day}. */
    public Map<Long, List<DataSource>> dataSourcesOf(Collection<Long> workflowIds, java.time.LocalDate day) {
        Map<Long, List<DataSource>> sources = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return sources;
        }
        Map<Long, DataAssessment> latest = new HashMap<>();
        jdbc.sql("""
                SELECT a.* FROM portfolio_data_assessment a JOIN portfolio_data_source d ON d.id = a.data_source_id
                WHERE d.workflow_id IN (:ids) AND a.assessed_on <= :day
                ORDER BY a.data_source_id, a.assessed_on DESC, a.id DESC
                """).param("ids", workflowIds).param("day", day)
                .query(rs -> {
                    latest.putIfAbsent(rs.getLong("data_source_id"), assessment(rs, 0));
                });
        jdbc.sql("SELECT d.workflow_id, d.id, d.name, d.owning_system, " + PERSON + """
                 FROM portfolio_data_source d LEFT JOIN people_person p ON p.id = d.steward_id
                WHERE d.workflow_id IN (:ids) ORDER BY d.workflow_id, d.name
                """).param("ids", workflowIds)
                .query(rs -> {
                    long id = rs.getLong("id");
                    add(sources, rs.getLong("workflow_id"), new DataSource(id, rs.getString("name"),
                            rs.getString("owning_system"), nullableLong(rs, "p_id") == null ? null : person(rs),
                            latest.get(id)));
                });
        return sources;
    }

    /** Keeps the named sources (updating their system and steward), adds new ones, removes the rest. */
    public void replaceDataSources(long workflowId, List<SourceRow> sources) {
        List<String> names = sources.stream().map(SourceRow::name).toList();
        if (names.isEmpty()) {
            jdbc.sql("DELETE FROM portfolio_data_source WHERE workflow_id = ?").param(workflowId).update();
        } else {
            jdbc.sql("DELETE FROM portfolio_data_source WHERE workflow_id = :w AND name NOT IN (:names)")
                    .param("w", workflowId).param("names", names).update();
        }
        for (SourceRow source : sources) {
            int updated = jdbc.sql("UPDATE portfolio_data_source SET owning_system = ?, steward_id = ? WHERE workflow_id = ? AND name = ?")
                    .params(source.owningSystem(), source.stewardId(), workflowId, source.name()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO portfolio_data_source (workflow_id, name, owning_system, steward_id) VALUES (?, ?, ?, ?)")
                        .params(workflowId, source.name(), source.owningSystem(), source.stewardId()).update();
            }
        }
    }

    public List<DataAssessment> assessments(long sourceId) {
        return jdbc.sql("SELECT * FROM portfolio_data_assessment WHERE data_source_id = ? ORDER BY assessed_on DESC, id DESC")
                .param(sourceId).query(WorkflowParts::assessment).list();
    }

    public long insertAssessment(long sourceId, DataAssessment assessment, java.time.Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_data_assessment (data_source_id, assessed_on, freshness, quality, data_access, governance,
                    note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(sourceId, assessment.assessedOn(), assessment.freshness(), assessment.quality(),
                assessment.access(), assessment.governance(), assessment.note(),
                dev.pitwall.platform.jdbc.SqlValues.utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The workflow a data source belongs to, if the source exists. */
    public java.util.Optional<Long> workflowOfSource(long sourceId) {
        return jdbc.sql("SELECT workflow_id FROM portfolio_data_source WHERE id = ?").param(sourceId)
                .query(Long.class).optional();
    }

    private static DataAssessment assessment(ResultSet rs, int row) throws SQLException {
        return new DataAssessment(rs.getLong("id"), date(rs, "assessed_on"), rs.getInt("freshness"),
                rs.getInt("quality"), rs.getInt("data_access"), rs.getInt("governance"), rs.getString("note"));
    }

    private static PersonRef person(ResultSet rs) throws SQLException {
        return new PersonRef(rs.getLong("p_id"), rs.getString("p_name"), rs.getString("p_email"),
                rs.getBoolean("p_active"), Tier.valueOf(rs.getString("p_tier")));
    }

    private static <T> void add(Map<Long, List<T>> lists, long id, T item) {
        lists.computeIfAbsent(id, k -> new ArrayList<>()).add(item);
    }

    private static List<RightHolding> empty() {
        return java.util.Arrays.stream(DecisionRight.values()).map(r -> new RightHolding(r, null, null)).toList();
    }
}
