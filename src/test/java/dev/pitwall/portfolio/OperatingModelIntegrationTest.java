package dev.pitwall.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operating model as YAML: apply, export, round trip, dry run, and invalid files that change nothing. */
@PitwallIntegrationTest
class OperatingModelIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    PersonService people;
    @Autowired
    InitiativeService initiatives;
    @Autowired
    JdbcClient jdbc;

    private String s;
    private Person ann;

    @BeforeEach
    void setUp() {
        s = UUID.randomUUID().toString().substring(0, 8);
        ann = people.create(new PersonDraft("ann-" + s + "@yaml.test", null, "Ann", "Lead", null, null, Level.MANAGER,
                Tier.INTEGRATOR, true));
        initiatives.create(new InitiativeDraft("Yaml " + s, "Objective", ann.id(), InitiativeStage.ACTIVE, null));
    }

    private String document(String key, String handoff) {
        return """
                apiVersion: pitwall/v1
                kind: Workflow
                metadata:
                  key: %s
                  name: Workflow %s
                spec:
                  stage: PILOT
                  initiative: Yaml %s
                  steps:
                    - name: Receive
                      actor: SYSTEM
                      tool: ERP
                    - name: Decide
                      actor: HUMAN
                      manualHandoff: %s
                  decisionRights:
                    ACCOUNTABLE_OWNER: %s
                    OUTPUT_APPROVER: null
                  roles:
                    - name: reviewer
                      members: [%s]
                      skills:
                        - skill: Evaluating AI output
                          level: 2
                  intendedUsers:
                    people: [%s]
                  dataSources:
                    - name: ERP
                      owningSystem: SAP
                      steward: %s
                """.formatted(key, key, s, handoff, ann.email(), ann.email(), ann.email(), ann.email());
    }

    private String file(String handoff) {
        return document("a-" + s, handoff) + "---\n" + document("b-" + s, "false");
    }

    private ResultActions apply(String yaml, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/operating-model").param("dryRun", String.valueOf(dryRun)).with(ADMIN)
                .contentType("application/yaml").content(yaml));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private String export() throws Exception {
        return mvc.perform(get("/api/v1/operating-model").param("workflow", "a-" + s).param("workflow", "b-" + s)
                .with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void appliesCreatesAndApplyingTheSameFileAgainChangesNothing() throws Exception {
        apply(file("true"), false).andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[*].action").value(org.hamcrest.Matchers.contains("CREATED", "CREATED")));
        long audit = count("platform_audit_entry");
        apply(file("true"), false)
                .andExpect(jsonPath("$.documents[*].action").value(org.hamcrest.Matchers.contains("UNCHANGED", "UNCHANGED")));
        assertThat(count("platform_audit_entry")).isEqualTo(audit);
    }

    @Test
    void anExportAppliedBackIsARoundTripThatChangesNothing() throws Exception {
        apply(file("true"), false).andExpect(status().isOk());
        String exported = export();
        assertThat(exported).contains("apiVersion: pitwall/v1", "kind: Workflow", "key: a-" + s, "OUTPUT_APPROVER: null",
                "manualHandoff: true");
        long audit = count("platform_audit_entry");
        apply(exported, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[*].action").value(org.hamcrest.Matchers.contains("UNCHANGED", "UNCHANGED")));
        assertThat(count("platform_audit_entry")).isEqualTo(audit);
        assertThat(export()).isEqualTo(exported);
    }

    @Test
    void aDryRunReportsTheChangesAndWritesNothing() throws Exception {
        apply(file("true"), false).andExpect(status().isOk());
        long audit = count("platform_audit_entry");
        apply(file("false"), true).andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.documents[0].action").value("UPDATED"))
                .andExpect(jsonPath("$.documents[0].changes[0].field").value("spec.steps[1].manualHandoff"))
                .andExpect(jsonPath("$.documents[0].changes[0].before").value(true))
                .andExpect(jsonPath("$.documents[0].changes[0].after").value(false))
                .andExpect(jsonPath("$.documents[1].action").value("UNCHANGED"));
        assertThat(count("platform_audit_entry")).isEqualTo(audit);
        assertThat(export()).contains("manualHandoff: true");
        apply(file("false"), false).andExpect(jsonPath("$.documents[0].action").value("UPDATED"));
        assertThat(export()).doesNotContain("manualHandoff: true");
    }

    @Test
    void invalidDocumentsAreNamedWithTheirFieldAndNothingChanges() throws Exception {
        long workflows = count("portfolio_workflow");
        long audit = count("platform_audit_entry");
        String good = document("good-" + s, "false");
        String badEnum = document("enum-" + s, "false").replace("actor: HUMAN", "actor: ROBOT");
        String badRefs = document("refs-" + s, "false").replace("OUTPUT_APPROVER: null", "OUTPUT_APPROVER: ghost@nowhere.test")
                .replace("skill: Evaluating AI output", "skill: Juggling");
        String unknownField = document("field-" + s, "false").replace("  stage: PILOT", "  stage: PILOT\n  colour: red");
        String wrongKind = document("kind-" + s, "false").replace("kind: Workflow", "kind: Service");
        apply(String.join("---\n", good, badEnum, unknownField, wrongKind), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("YAML_INVALID"))
                .andExpect(jsonPath("$.errors[0].document").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("spec.steps[1].actor"))
                .andExpect(jsonPath("$.errors[0].reason").value("'ROBOT' is not one of HUMAN, AI, SYSTEM"))
                .andExpect(jsonPath("$.errors[1].document").value(3))
                .andExpect(jsonPath("$.errors[1].reason").value(org.hamcrest.Matchers.containsString("colour")))
                .andExpect(jsonPath("$.errors[2].document").value(4))
                .andExpect(jsonPath("$.errors[2].field").value("kind"));
        apply(String.join("---\n", good, badRefs), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].document").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(2))))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "spec.decisionRights.OUTPUT_APPROVER", "spec.roles[0].skills[0].skill")));
        apply("apiVersion: pitwall/v1\nkind: [unclosed\n", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("not well-formed YAML")));
        assertThat(count("portfolio_workflow")).isEqualTo(workflows);
        assertThat(count("platform_audit_entry")).isEqualTo(audit);
    }

    @Test
    void aPromotionTheGateRefusesFailsTheWholeFileAtSpecStage() throws Exception {
        long workflows = count("portfolio_workflow");
        String production = document("prod-" + s, "false").replace("stage: PILOT", "stage: PRODUCTION");
        apply(document("first-" + s, "false") + "---\n" + production, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].document").value(hasItem(2)))
                .andExpect(jsonPath("$.errors[0].field").value("spec.stage"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("decision-rights: ")));
        assertThat(count("portfolio_workflow")).isEqualTo(workflows);
    }

    @Test
    void aDuplicateKeyAcrossDocumentsIsRefused() throws Exception {
        apply(document("dup-" + s, "false") + "---\n" + document("dup-" + s, "true"), true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].document").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("metadata.key"));
    }
}
