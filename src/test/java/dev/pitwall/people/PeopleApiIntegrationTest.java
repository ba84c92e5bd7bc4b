package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.audit.AuditAction;
import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@PitwallIntegrationTest
class PeopleApiIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    TeamService teams;
    @Autowired
    SkillService skills;
    @Autowired
    AuditLog auditLog;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Person person(String name, Long teamId, Long managerId, Level level, Tier tier) {
        return people.create(new PersonDraft(unique(name.replace(' ', '.')) + "@example.org", null, name, "Analyst", teamId, managerId,
                level, tier, true));
    }

    @Test
    void createsAPersonAndAuditsIt() throws Exception {
        String email = unique("Ada") + "@Example.org";
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"email":"%s","name":"Ada Lovelace","level":"PRACTITIONER","tier":"INTEGRATOR"}""".formatted(email)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.active").value(true));
        Person created = people.findByEmail(email).orElseThrow();
        var audit = auditLog.find(new AuditQuery("PERSON", String.valueOf(created.id()), "admin", AuditAction.CREATE, null, null),
                new PageQuery(0, 5));
        assertThat(audit.content()).singleElement().extracting(AuditEntry::after).asString().contains("Ada Lovelace");
    }

    @Test
    void refusesADuplicateEmailAndNamesMissingFields() throws Exception {
        Person existing = person("Dup", null, null, Level.PRACTITIONER, Tier.CONSUMER);
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"email":"%s","name":"Other","level":"MANAGER","tier":"CONSUMER"}""".formatted(existing.email().toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EMAIL_TAKEN"));
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"level\":\"MANAGER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "name", "tier")));
        mvc.perform(post("/api/v1/people").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"a@b.org\",\"name\":\"X\",\"level\":\"BOSS\",\"tier\":\"CONSUMER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"));
    }

    @Test
    void refusesAManagementCycle() throws Exception {
        Person boss = person("Boss", null, null, Level.MANAGER, Tier.CONSUMER);
        Person report = person("Report", null, boss.id(), Level.PRACTITIONER, Tier.CONSUMER);
        mvc.perform(put("/api/v1/people/" + boss.id()).with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"email":"%s","name":"Boss","managerId":%d,"level":"MANAGER","tier":"CONSUMER"}"""
                        .formatted(boss.email(), report.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("managerId"));
        assertThat(people.directReports(boss.id())).extracting(Person::id).containsExactly(report.id());
    }

    @Test
    void updateKeepsActiveWhenLeftOutAndAuditsBeforeAndAfter() throws Exception {
        Person person = person("Mover", null, null, Level.PRACTITIONER, Tier.CONSUMER);
        Team team = teams.create(new TeamDraft(unique("Team"), null, null));
        mvc.perform(put("/api/v1/people/" + person.id()).with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"email":"%s","name":"Mover","title":"Lead","teamId":%d,"level":"MANAGER","tier":"CONSUMER"}"""
                        .formatted(person.email(), team.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.teamName").value(team.name()))
                .andExpect(jsonPath("$.active").value(true));
        AuditEntry update = auditLog.find(new AuditQuery("PERSON", String.valueOf(person.id()), null, AuditAction.UPDATE,
                null, null), new PageQuery(0, 1)).content().get(0);
        assertThat(update.before()).contains("\"level\":\"PRACTITIONER\"");
        assertThat(update.after()).contains("\"level\":\"MANAGER\"", team.name());
    }

    @Test
    void searchesWithFiltersAndPages() throws Exception {
        Team team = teams.create(new TeamDraft(unique("Search"), null, null));
        for (int i = 0; i < 3; i++) {
            person("Zed Search " + i, team.id(), null, Level.FRONTLINE, Tier.CONSUMER);
        }
        person("Zed Builder", team.id(), null, Level.PRACTITIONER, Tier.BUILDER);
        mvc.perform(get("/api/v1/people").with(ADMIN).param("team", String.valueOf(team.id())).param("size", "2"))
                .andExpect(jsonPath("$.totalElements").value(4))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content.length()").value(2));
        mvc.perform(get("/api/v1/people").with(ADMIN).param("team", String.valueOf(team.id())).param("tier", "BUILDER"))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].name").value("Zed Builder"));
        mvc.perform(get("/api/v1/people").with(ADMIN).param("q", "zed search").param("team", String.valueOf(team.id())))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[*].level").value(everyItem(is("FRONTLINE"))));
        mvc.perform(get("/api/v1/people").with(ADMIN).param("q", "100%_"))
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/people").with(ADMIN).param("size", "100000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/people").with(ADMIN).param("tier", "WIZARD"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tier"));
    }

    @Test
    void unknownPeopleAre404NotServerErrors() throws Exception {
        mvc.perform(get("/api/v1/people/987654321").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PERSON_NOT_FOUND"));
    }

    @Test
    void everyTeamsMembersAtADateAreItsAndItsSubTeamsActiveMembers() {
        Team root = teams.create(new TeamDraft(unique("Root"), null, null));
        Team mid = teams.create(new TeamDraft(unique("Mid"), root.id(), null));
        Team leaf = teams.create(new TeamDraft(unique("Leaf"), mid.id(), null));
        Team other = teams.create(new TeamDraft(unique("Other"), null, null));
        Team empty = teams.create(new TeamDraft(unique("Empty"), root.id(), null));
        long a = person("In root", root.id(), null, Level.PRACTITIONER, Tier.CONSUMER).id();
        long b = person("In mid", mid.id(), null, Level.PRACTITIONER, Tier.CONSUMER).id();
        long c = person("In leaf", leaf.id(), null, Level.PRACTITIONER, Tier.CONSUMER).id();
        long d = person("In other", other.id(), null, Level.PRACTITIONER, Tier.CONSUMER).id();
        long gone = person("Left leaf", leaf.id(), null, Level.PRACTITIONER, Tier.CONSUMER).id();
        // The states of a date: who was where and active then (one of them no longer active).
        Map<Long, PersonState> states = new java.util.HashMap<>(people.statesOn(java.time.LocalDate.now()));
        states.put(gone, new PersonState(gone, leaf.id(), Level.PRACTITIONER, Tier.CONSUMER, false));

        Map<Long, java.util.Set<Long>> byTeam = teams.activeMembersByTeam(states);

        assertThat(byTeam.get(root.id())).isEqualTo(java.util.Set.of(a, b, c));
        assertThat(byTeam.get(mid.id())).isEqualTo(java.util.Set.of(b, c));
        assertThat(byTeam.get(leaf.id())).isEqualTo(java.util.Set.of(c));
        assertThat(byTeam.get(other.id())).isEqualTo(java.util.Set.of(d));
        assertThat(byTeam.get(empty.id())).isEmpty();
        assertThat(teams.activeMemberIds(mid.id(), states)).isEqualTo(java.util.Set.of(b, c));
    }

    @Test
    void teamsFormAHierarchyAndCannotBeDeletedWhileInUse() throws Exception {
        Team parent = teams.create(new TeamDraft(unique("Parent"), null, null));
        Team child = teams.create(new TeamDraft(unique("Child"), parent.id(), null));
        mvc.perform(put("/api/v1/teams/" + parent.id()).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\",\"parentId\":%d}".formatted(parent.name(), child.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        mvc.perform(delete("/api/v1/teams/" + parent.id()).with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TEAM_IN_USE"));
        mvc.perform(post("/api/v1/teams").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"%s\"}".formatted(child.name().toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TEAM_NAME_TAKEN"));
        mvc.perform(delete("/api/v1/teams/" + child.id()).with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/teams/" + child.id()).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void recordsAssessmentsAndLearningIdempotently() throws Exception {
        Person person = person("Learner", null, null, Level.PRACTITIONER, Tier.CONSUMER);
        long skill = skills.findByName("Prompt writing").orElseThrow().id();
        String assessment = """
                {"personId":%d,"skillId":%d,"level":%d,"assessedOn":"2026-01-10","source":"test"}""";
        mvc.perform(post("/api/v1/skill-assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(assessment.formatted(person.id(), skill, 1))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/skill-assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(assessment.formatted(person.id(), skill, 3))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/people/" + person.id() + "/skills").with(ADMIN))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].level").value(3));
        mvc.perform(post("/api/v1/skill-assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(assessment.formatted(person.id(), skill, 5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        String learning = """
                {"personId":%d,"course":"Prompting at Work","status":"PASSED","score":91.5,"completedOn":"%s",
                 "workflowKey":"email-triage","source":"api"}""";
        mvc.perform(post("/api/v1/learning-records").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(learning.formatted(person.id(), "2026-02-01"))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/learning-records").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(learning.formatted(person.id(), "2026-02-01"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/learning-records").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(learning.formatted(person.id(), LocalDate.now().plusDays(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("completedOn"));
        mvc.perform(get("/api/v1/learning-records").with(ADMIN).param("person", String.valueOf(person.id())))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].workflowKey").value("email-triage"))
                .andExpect(jsonPath("$.content[0].score").value(91.5));
    }

    @Test
    void aSkillInUseCannotBeDeleted() throws Exception {
        Person person = person("Skilled", null, null, Level.PRACTITIONER, Tier.CONSUMER);
        Skill skill = skills.create(new SkillDraft(unique("Skill"), "Test", null));
        mvc.perform(post("/api/v1/skill-assessments").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":%d,"skillId":%d,"level":2,"assessedOn":"2026-01-10","source":"test"}""".formatted(person.id(), skill.id())));
        mvc.perform(delete("/api/v1/skills/" + skill.id()).with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SKILL_IN_USE"));
    }

    @Test
    void theStarterCatalogHoldsAiSkills() throws Exception {
        mvc.perform(get("/api/v1/skills").with(ADMIN))
                .andExpect(jsonPath("$[?(@.name == 'Evaluating AI output')].category").value("AI literacy"))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(20)));
    }
}
