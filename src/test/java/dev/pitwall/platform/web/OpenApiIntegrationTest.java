package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** {@code /v3/api-docs} must describe every {@code /api/v1} endpoint the application serves. */
@PitwallIntegrationTest
class OpenApiIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void describesEveryApiEndpointWithItsMethods() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");

        Set<String> served = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> served.add(verb.name().toLowerCase() + " " + path))));
        paths.forEach((path, operations) -> operations.keySet().forEach(verb -> documented.add(verb + " " + path)));

        assertThat(served).hasSizeGreaterThan(25);
        assertThat(documented).containsAll(served);
    }

    @Test
    void marksEveryAnswerOfTheRiskQuestionnaireAsRequiredAndAvailabilityAsAList() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<String> required = JsonPath.read(docs, "$.components.schemas.RiskQuestionnaire.required");
        assertThat(required).contains("personalData", "regulatedData", "customerFacing", "narrowProceduralTask",
                "profiling", "internalDecisionSupport", "knowledgeRetrieval", "securityOperations", "syntheticContent",
                "emotionOrBiometric");
        assertThat(JsonPath.<String>read(docs, "$.paths['/api/v1/ai-systems/{key}/availability'].post.requestBody"
                + ".content['application/json'].schema.type")).isEqualTo("array");
    }

    @Test
    void apiDocsNeedAuthentication() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }
}
