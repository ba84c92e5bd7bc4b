package dev.pitwall.people.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.HostileInput;
import dev.pitwall.testing.HostileInput.Case;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every SCIM write against the hostile corpus of {@link HostileInput}: no 5xx; a value that can
 * never be valid is refused naming its attribute; a refusal is a SCIM error and leaves every table
 * as it was.
 */
@PitwallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimHostileInputIntegrationTest {

    private static final List<String> VOLATILE = List.of("ingestion_batch", "rollup", "active_month", "daily_slice",
            "event_publication", "flyway", "write_probe", "scorecard", "login_throttle", "http_session");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;

    private final AtomicInteger unique = new AtomicInteger();
    private String bearer;
    private String stateQuery;
    private String user;
    private String group;

    private record Endpoint(HttpMethod method, String path, String body) {
    }

    @BeforeAll
    void provisioned() throws Exception {
        bearer = "Bearer " + tokens.issue(TestUsers.create(users, Role.ADMIN).id(),
                new NewApiToken("scim", Set.of("WRITE"), null)).secret();
        user = JsonPath.read(send(HttpMethod.POST, "/scim/v2/Users", userBody(0)).getContentAsString(), "$.id");
        group = JsonPath.read(send(HttpMethod.POST, "/scim/v2/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Hostile group\"}")
                .getContentAsString(), "$.id");
        stateQuery = HostileInput.stateQuery(jdbc, VOLATILE);
    }

    private static String userBody(Object n) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"ext-%1$s","userName":"hostile-%1$s@scim.test","active":true,
                 "name":{"givenName":"Hos","familyName":"Tile"},"displayName":"Hostile %1$s","title":"Tester",
                 "emails":[{"value":"hostile-%1$s@scim.test","type":"work","primary":true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-%1$s",
                  "department":"Risk"}}""".formatted(n);
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.POST, "/scim/v2/Users", userBody("{n}")),
                new Endpoint(HttpMethod.PUT, "/scim/v2/Users/" + user, userBody("{n}")),
                new Endpoint(HttpMethod.PATCH, "/scim/v2/Users/" + user, """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                          {"op":"Replace","path":"name.familyName","value":"Family {n}"},
                          {"op":"replace","path":"active","value":"True"}]}"""),
                new Endpoint(HttpMethod.POST, "/scim/v2/Groups", """
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"g-{n}",
                         "displayName":"Group {n}"}"""),
                new Endpoint(HttpMethod.PATCH, "/scim/v2/Groups/" + group, """
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                          {"op":"Add","path":"members","value":[{"value":"%s"}]}]}""".formatted(user)));
    }

    @TestFactory
    Stream<DynamicTest> everyScimWriteSurvivesTheHostileCorpus() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String base = endpoint.body().replace("{n}", String.valueOf(unique.incrementAndGet()));
            tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + ": the valid body is accepted",
                    () -> {
                        MockHttpServletResponse response = send(endpoint.method(), endpoint.path(),
                                endpoint.body().replace("{n}", String.valueOf(unique.incrementAndGet())));
                        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
                    }));
            List<Case> cases = new ArrayList<>(HostileInput.leaves(base));
            cases.addAll(HostileInput.bodies(base));
            for (Case c : cases) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + ": " + c.name(),
                        () -> check(endpoint, c)));
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Case c) throws Exception {
        String body = c.body().replace("{n}", String.valueOf(unique.incrementAndGet()));
        Map<String, Long> before = HostileInput.state(jdbc, stateQuery);
        MockHttpServletResponse response = send(endpoint.method(), endpoint.path(), body);
        int status = response.getStatus();
        String text = response.getContentAsString();
        assertThat(status).as("status of %s, answered %s", c.name(), text).isLessThan(500);
        if (c.mustRefuse()) {
            assertThat(status).as("%s must be refused, answered %s", c.name(), text).isGreaterThanOrEqualTo(400);
        }
        if (status >= 400) {
            assertThat(HostileInput.state(jdbc, stateQuery)).as("state after refusing %s", c.name()).isEqualTo(before);
            if (status == 413) {
                return;
            }
            assertThat(response.getContentType()).startsWith("application/scim+json");
            assertThat(JsonPath.<String>read(text, "$.schemas[0]")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            String detail = JsonPath.read(text, "$.detail");
            if (status == 400 && c.mustRefuse() && c.field() != null) {
                // "<attribute>: <reason>"; a schema URN in the attribute has colons of its own.
                String attribute = detail.contains(": ") ? detail.substring(0, detail.indexOf(": ")) : detail;
                HostileInput.assertNames(c.field(), List.of(attribute), text);
            }
        }
    }

    private MockHttpServletResponse send(HttpMethod method, String path, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(method, path)
                .header("Authorization", bearer).contentType("application/scim+json")
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
