package dev.pitwall.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow's details at a past date come from its versions' snapshots, kept parsed between
 * reads: after a person named in them is erased, the details name them no more.
 */
@PitwallIntegrationTest
@org.springframework.context.annotation.Import(MovableClock.Configuration.class)
class WorkflowHistoryErasureIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    PersonService people;
    @Autowired
    WorkflowService workflows;

    @Test
    void aPastDatesDetailsNameNoErasedPerson() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String email = "erin.erasable-" + s + "@history.test";
        String name = "Erin Erasable " + s;
        String key = "hist-" + s;
        try {
            clock.set(TODAY.minusDays(10));
            Person erin = people.create(new PersonDraft(email, null, name, "Reviewer", null, null, Level.PRACTITIONER,
                    Tier.CONSUMER, true));
            apply(key, email, "true");
            clock.set(TODAY.minusDays(5));
            apply(key, email, "false");
            clock.set(TODAY);

            String before = detailsThen(key);
            assertThat(before).contains(name, email);
            // read again: the parsed snapshots are kept, and give the same details
            assertThat(detailsThen(key)).isEqualTo(before);

            mvc.perform(post("/api/v1/people/" + erin.id() + "/erasure").with(ADMIN)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":\"" + email + "\"}"))
                    .andExpect(status().is2xxSuccessful());

            String after = detailsThen(key);
            assertThat(after).doesNotContain(name).doesNotContain(email).contains("Reviewer");
        } finally {
            clock.set(TODAY); // the clock is shared with the other tests of this context
        }
    }

    /** The workflow's details as of three days ago (its second version), as JSON. */
    private String detailsThen(String key) {
        LocalDate day = TODAY.minusDays(3);
        Workflow workflow = workflows.findOn(day).stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
        return JsonMapper.builder().build()
                .writeValueAsString(workflows.detailsOn(List.of(workflow), day, people.statesOn(day)).get(workflow.id()));
    }

    private void apply(String key, String email, String handoff) throws Exception {
        mvc.perform(post("/api/v1/operating-model").with(ADMIN).contentType("application/yaml").content("""
                apiVersion: pitwall/v1
                kind: Workflow
                metadata:
                  key: %s
                  name: History %s
                spec:
                  stage: PILOT
                  steps:
                    - name: Decide
                      actor: HUMAN
                      manualHandoff: %s
                  roles:
                    - name: Reviewer
                      members: [%s]
                """.formatted(key, key, handoff, email))).andExpect(status().isOk());
    }
}
