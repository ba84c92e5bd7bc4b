package dev.pitwall.portfolio.web;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.ActorType;
import dev.pitwall.portfolio.WorkflowDefinition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow form as typed: its name and description, initiative, AI go-live, AI systems,
 * steps, intended users and roles. Text is kept as typed, so a refused form shows it again;
 * empty rows are the blanks a person fills to add one, and are left out when saved.
 */
public class WorkflowForm {

    /** Blank rows offered for adding, below the rows there are. */
    static final int BLANK_ROWS = 2;

    private String name = "";
    private String description = "";
    private String initiative = "";
    private String aiGoLive = "";
    private List<String> systems = new ArrayList<>();
    private List<StepRow> steps = new ArrayList<>();
    private List<String> intendedPeople = new ArrayList<>();
    private List<String> intendedTeams = new ArrayList<>();
    private List<RoleRow> roles = new ArrayList<>();

    /** The form filled with a workflow's definition, with blank rows to add more. */
    static WorkflowForm of(WorkflowDefinition definition) {
        WorkflowForm form = new WorkflowForm();
        form.name = definition.name();
        form.description = definition.description() == null ? "" : definition.description();
        form.initiative = definition.initiative() == null ? "" : definition.initiative();
        form.aiGoLive = definition.aiGoLive() == null ? "" : definition.aiGoLive().toString();
        form.systems = definition.systems() == null ? new ArrayList<>() : new ArrayList<>(definition.systems());
        (definition.steps() == null ? List.<WorkflowDefinition.Step>of() : definition.steps()).forEach(s -> form.steps.add(new StepRow(s.name(), s.actor() == null ? "" : s.actor().name(),
                s.tool(), s.manualHandoff(), s.manualDataAssembly())));
        if (definition.intendedUsers() != null) {
            List<String> people = definition.intendedUsers().people();
            List<String> teams = definition.intendedUsers().teams();
            form.intendedPeople = people == null ? new ArrayList<>() : new ArrayList<>(people);
            form.intendedTeams = teams == null ? new ArrayList<>() : new ArrayList<>(teams);
        }
        (definition.roles() == null ? List.<WorkflowDefinition.Role>of() : definition.roles()).forEach(r -> {
            RoleRow row = new RoleRow();
            row.setName(r.name());
            row.setDescription(r.description() == null ? "" : r.description());
            row.setMembers(r.members() == null ? new ArrayList<>() : new ArrayList<>(r.members()));
            List<SkillRow> skills = new ArrayList<>();
            if (r.skills() != null) {
                r.skills().forEach(k -> skills.add(new SkillRow(k.skill(), k.level() == null ? "" : k.level().toString())));
            }
            row.setSkills(skills);
            form.roles.add(row);
        });
        return form.withBlanks();
    }

    /** Adds the blank rows a person fills to add a step, a person, a team, a role, a member or a skill. */
    WorkflowForm withBlanks() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            steps.add(new StepRow("", "", "", false, false));
            intendedPeople.add("");
            intendedTeams.add("");
        }
        roles.add(new RoleRow());
        roles.forEach(role -> {
            for (int i = 0; i < BLANK_ROWS; i++) {
                role.getMembers().add("");
                role.getSkills().add(new SkillRow("", ""));
            }
        });
        return this;
    }

    /**
     * The definition this form describes; the decision rights, data sources and stage are kept
     * from {@code current}, which this form does not edit.
     */
    WorkflowDefinition toDefinition(WorkflowDefinition current) {
        LocalDate goLive = null;
        if (!blank(aiGoLive)) {
            try {
                goLive = LocalDate.parse(aiGoLive.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.ofField("aiGoLive", "'" + aiGoLive.strip() + "' is not a date (YYYY-MM-DD)");
            }
        }
        List<WorkflowDefinition.Step> definedSteps = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRow s = steps.get(i);
            if (blank(s.getName())) {
                continue;
            }
            ActorType actor;
            try {
                actor = blank(s.getActor()) ? null : ActorType.valueOf(s.getActor());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.ofField("steps[" + i + "].actor", "is HUMAN, AI or SYSTEM");
            }
            definedSteps.add(new WorkflowDefinition.Step(s.getName().strip(), actor, blankToNull(s.getTool()),
                    s.isManualHandoff(), s.isManualDataAssembly()));
        }
        List<WorkflowDefinition.Role> definedRoles = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            RoleRow r = roles.get(i);
            if (blank(r.getName())) {
                continue;
            }
            List<WorkflowDefinition.SkillRequirement> skills = new ArrayList<>();
            for (int j = 0; j < r.getSkills().size(); j++) {
                SkillRow k = r.getSkills().get(j);
                if (blank(k.getSkill())) {
                    continue;
                }
                Integer level;
                try {
                    level = blank(k.getLevel()) ? null : Integer.valueOf(k.getLevel().strip());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.ofField("roles[" + i + "].skills[" + j + "].level", "is a level of 1 to 4");
                }
                skills.add(new WorkflowDefinition.SkillRequirement(k.getSkill().strip(), level));
            }
            definedRoles.add(new WorkflowDefinition.Role(r.getName().strip(), blankToNull(r.getDescription()),
                    nonBlank(r.getMembers()), skills));
        }
        return new WorkflowDefinition(current.key(), name, blankToNull(description), blankToNull(initiative), null, goLive,
                nonBlank(systems), definedSteps, current.decisionRights(), definedRoles,
                new WorkflowDefinition.IntendedUsers(nonBlank(intendedPeople), nonBlank(intendedTeams)),
                current.dataSources());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !blank(v)).map(String::strip).distinct().toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInitiative() {
        return initiative;
    }

    public void setInitiative(String initiative) {
        this.initiative = initiative;
    }

    public String getAiGoLive() {
        return aiGoLive;
    }

    public void setAiGoLive(String aiGoLive) {
        this.aiGoLive = aiGoLive;
    }

    public List<String> getSystems() {
        return systems;
    }

    public void setSystems(List<String> systems) {
        this.systems = systems;
    }

    public List<StepRow> getSteps() {
        return steps;
    }

    public void setSteps(List<StepRow> steps) {
        this.steps = steps;
    }

    public List<String> getIntendedPeople() {
        return intendedPeople;
    }

    public void setIntendedPeople(List<String> intendedPeople) {
        this.intendedPeople = intendedPeople;
    }

    public List<String> getIntendedTeams() {
        return intendedTeams;
    }

    public void setIntendedTeams(List<String> intendedTeams) {
        this.intendedTeams = intendedTeams;
    }

    public List<RoleRow> getRoles() {
        return roles;
    }

    public void setRoles(List<RoleRow> roles) {
        this.roles = roles;
    }

    /** A step as typed. */
    public static class StepRow {
        private String name = "";
        private String actor = "";
        private String tool = "";
        private boolean manualHandoff;
        private boolean manualDataAssembly;

        public StepRow() {
        }

        StepRow(String name, String actor, String tool, boolean manualHandoff, boolean manualDataAssembly) {
            this.name = name;
            this.actor = actor;
            this.tool = tool == null ? "" : tool;
            this.manualHandoff = manualHandoff;
            this.manualDataAssembly = manualDataAssembly;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getTool() {
            return tool;
        }

        public void setTool(String tool) {
            this.tool = tool;
        }

        public boolean isManualHandoff() {
            return manualHandoff;
        }

        public void setManualHandoff(boolean manualHandoff) {
            this.manualHandoff = manualHandoff;
        }

        public boolean isManualDataAssembly() {
            return manualDataAssembly;
        }

        public void setManualDataAssembly(boolean manualDataAssembly) {
            this.manualDataAssembly = manualDataAssembly;
        }
    }

    /** A role as typed: its members (emails) and the skills it requires. */
    public static class RoleRow {
        private String name = "";
        private String description = "";
        private List<String> members = new ArrayList<>();
        private List<SkillRow> skills = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public List<String> getMembers() {
            return members;
        }

        public void setMembers(List<String> members) {
            this.members = members;
        }

        public List<SkillRow> getSkills() {
            return skills;
        }

        public void setSkills(List<SkillRow> skills) {
            this.skills = skills;
        }
    }

    /** A required skill as typed: a skill of the catalog and a level of 1 to 4. */
    public static class SkillRow {
        private String skill = "";
        private String level = "";

        public SkillRow() {
        }

        SkillRow(String skill, String level) {
            this.skill = skill;
            this.level = level;
        }

        public String getSkill() {
            return skill;
        }

        public void setSkill(String skill) {
            this.skill = skill;
        }

        public String getLevel() {
            return level;
        }

        public void setLevel(String level) {
            this.level = level;
        }
    }
}
