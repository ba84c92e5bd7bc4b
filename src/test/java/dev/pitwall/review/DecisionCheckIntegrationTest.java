package dev.pitwall.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The runtime check through the API: a pilot allows only its intended users, a classification that
 * needs oversight, a policy rule or an open SEV1 asks for review (and creates the item), a workflow
 * that is not live or an AI system it does not use is denied; changes apply at once.
 */
@PitwallIntegrationTest
class DecisionCheckIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final String ANSWERS = """
            {"personalData":false,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":%s,
             "narrowProceduralTask":false,"profiling":false,"autonomy":"%s","internalDecisionSupport":true,
             "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
             "prohibitedPractices":[]}""";

    @Autowired
    MockMvc mvc;

    private String suffix;
    private String key;

    @BeforeEach
    void pilot() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = "chk-" + suffix;
        for (String name : List.of("user", "other", "approver")) {
            send(post("/api/v1/people"), """
                    {"email":"%1$s-%2$s@chk.test","name":"%1$s %2$s","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(name, suffix));
        }
        send(post("/api/v1/ai-systems"), "{\"key\":\"%s\",\"name\":\"Agent %s\",\"kind\":\"AGENT\"}".formatted(key, suffix));
        send(post("/api/v1/workflows"), """
                {"key":"%1$s","name":"Checked %2$s","stage":"PILOT","systems":["%1$s"],
                 "decisionRights":{"OUTPUT_APPROVER":"approver-%2$s@chk.test"},
                 "intendedUsers":{"people":["user-%2$s@chk.test"],"teams":[]}}""".formatted(key, suffix));
    }

    @Test
    void theCheckFollowsStageClassificationPolicyAndIncidents() throws Exception {
        assertThat(check("user", "{\"amount\":10}").<String>read("$.decision")).as("not classified").isEqualTo("REVIEW");
        send(put("/api/v1/workflows/" + key + "/risk-classification"), ANSWERS.formatted("[]", "ACTS_ALONE"));

        DocumentContext allowed = check("user", "{\"amount\":10}");
        assertThat(allowed.<String>read("$.decision")).as(allowed.jsonString()).isEqualTo("ALLOW");
        assertThat(check("other", "{\"amount\":10}").<List<String>>read("$.reasons"))
                .containsExactly("the workflow is a pilot, open to its intended users only");
        assertThat(check(null, "{\"amount\":10}").<String>read("$.decision")).isEqualTo("DENY");

        // Settlements above 1,000 need a person's review; the change applies at once.
        send(put("/api/v1/workflows/" + key + "/review-policy"), "{\"rules\":[{\"attribute\":\"amount\",\"above\":1000}]}");
        DocumentContext large = check("user", "{\"amount\":1250}");
        assertThat(large.<String>read("$.decision")).isEqualTo("REVIEW");
        assertThat(large.<List<String>>read("$.reasons")).containsExactly("review policy: amount above 1000");
        long item = large.<Number>read("$.reviewItemId").longValue();
        DocumentContext created = JsonPath.parse(send(get("/api/v1/review-items/" + item), null));
        assertThat(created.<String>read("$.assigneeName")).isEqualTo("approver " + suffix);
        assertThat(created.<String>read("$.summary")).isEqualTo("settle-claim {amount=1250}");
        assertThat(check("user", "{\"amount\":800}").<String>read("$.decision")).isEqualTo("ALLOW");

        // An open SEV1 asks for review of everything until it is resolved.
        long incident = JsonPath.<Number>read(send(post("/api/v1/incidents"), """
                {"title":"Wrong settlements","severity":"SEV1","workflowKey":"%s"}""".formatted(key)), "$.id").longValue();
        assertThat(check("user", "{\"amount\":10}").<List<String>>read("$.reasons"))
                .containsExactly("a SEV1 incident of the workflow is open");
        send(post("/api/v1/incidents/" + incident + "/resolve"), null);
        assertThat(check("user", "{\"amount\":10}").<String>read("$.decision")).isEqualTo("ALLOW");

        // High risk under the EU AI Act: every output is reviewed.
        send(put("/api/v1/workflows/" + key + "/risk-classification"), ANSWERS.formatted("[\"4(a)\"]", "ACTS_ALONE"));
        assertThat(check("user", "{\"amount\":10}").<List<String>>read("$.reasons"))
                .anySatisfy(r -> assertThat(r).contains("Art. 14"));
    }

    @Test
    void theReviewPolicyIsPartOfTheOperatingModelYaml() throws Exception {
        send(put("/api/v1/workflows/" + key + "/review-policy"), "{\"rules\":[{\"attribute\":\"amount\",\"above\":1000}]}");
        String yaml = send(get("/api/v1/operating-model").param("workflow", key), null);
        assertThat(yaml).contains("review:\n    rules:\n    - attribute: amount\n      above: 1000");
        send(post("/api/v1/operating-model").contentType("application/yaml").content(yaml
                .replace("- attribute: amount\n      above: 1000", "- always: true")), null);
        assertThat(send(get("/api/v1/workflows/" + key + "/review-policy"), null)).isEqualTo("{\"rules\":[{\"always\":true}]}");
        var refused = mvc.perform(post("/api/v1/operating-model").with(ADMIN).contentType("application/yaml")
                .content(yaml.replace("above: 1000", "below: 1000"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("spec.review");
    }

    @Test
    void aWorkflowNotLiveOrAnAiSystemItDoesNotUseIsDeniedAndBadInputNamesTheField() throws Exception {
        send(post("/api/v1/workflows"), "{\"key\":\"idea-%s\",\"name\":\"Idea %s\",\"stage\":\"IDEA\",\"systems\":[\"%s\"]}"
                .formatted(suffix, suffix, key));
        DocumentContext idea = JsonPath.parse(send(post("/api/v1/decisions/check"), """
                {"workflowKey":"idea-%s","systemKey":"%s","action":"act","person":"user-%s@chk.test"}"""
                .formatted(suffix, key, suffix)));
        assertThat(idea.<String>read("$.decision")).isEqualTo("DENY");
        assertThat(idea.<List<String>>read("$.reasons")).contains("the workflow is IDEA, not in production");
        DocumentContext system = JsonPath.parse(send(post("/api/v1/decisions/check"), """
                {"workflowKey":"%s","systemKey":"another","action":"act","person":"user-%s@chk.test"}""".formatted(key, suffix)));
        assertThat(system.<List<String>>read("$.reasons")).contains("the workflow does not use the AI system another");
        assertField("{\"workflowKey\":\"%s\",\"systemKey\":\"%s\"}".formatted(key, key), "/api/v1/decisions/check", "action");
        assertField("{\"workflowKey\":\"nope\",\"systemKey\":\"x\",\"action\":\"a\"}", "/api/v1/decisions/check",
                "workflowKey");
        var policy = mvc.perform(put("/api/v1/workflows/" + key + "/review-policy").with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"rules\":[{\"attribute\":\"amount\"}]}")).andReturn()
                .getResponse();
        assertThat(policy.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(policy.getContentAsString(), "$.errors[*].field")).containsExactly("rules[0]");
    }

    private DocumentContext check(String person, String attributes) throws Exception {
        return JsonPath.parse(send(post("/api/v1/decisions/check"), """
                {"workflowKey":"%s","systemKey":"%s","action":"settle-claim","person":%s,"attributes":%s}"""
                .formatted(key, key, person == null ? "null" : "\"" + person + "-" + suffix + "@chk.test\"", attributes)));
    }

    private void assertField(String body, String path, String field) throws Exception {
        var response = mvc.perform(post(path).with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.getContentAsString(), "$.errors[*].field")).contains(field);
    }

    private String send(MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request.with(ADMIN)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }
}
