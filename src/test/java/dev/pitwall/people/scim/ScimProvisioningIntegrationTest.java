package dev.pitwall.people.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.tokens.ApiTokenService;
import dev.pitwall.platform.tokens.NewApiToken;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.testing.PitwallIntegrationTest;
import dev.pitwall.testing.TestUsers;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * SCIM 2.0 provisioning end to end, with the requests Microsoft Entra ID and Okta send (the Entra
 * ID ones verbatim from Microsoft's documentation, the RFC's own examples) and the real database.
 */
@PitwallIntegrationTest
class ScimProvisioningIntegrationTest {

    private static final String SCIM_JSON = "application/scim+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PersonService people;

    private String bearer;

    @BeforeEach
    void provisioningToken() {
        User provisioner = TestUsers.create(users, Role.ADMIN);
        bearer = "Bearer " + tokens.issue(provisioner.id(), new NewApiToken("entra", Set.of("WRITE"), null)).secret();
    }

    @Test
    void entraIdProvisionsAUserAsItDoes() throws Exception {
        String userName = JsonPath.read(sample("entra-id/entra-create-user-request.json"), "$.userName");
        String filter = "/scim/v2/Users?filter=" + encode("userName eq \"" + userName + "\"");
        assertThat(JsonPath.<Integer>read(ok(scim(get(filter), null)), "$.totalResults")).isZero();

        MockHttpServletResponse created = scim(post("/scim/v2/Users"), sample("entra-id/entra-create-user-request.json"));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentType()).startsWith(SCIM_JSON);
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        assertThat(created.getHeader("Location")).isEqualTo("/scim/v2/Users/" + id);
        assertThat(created.getHeader("ETag")).startsWith("W/\"");
        Person person = people.get(Long.parseLong(id));
        assertThat(person.email()).isEqualTo("test_user_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com");
        assertThat(person.name()).isEqualTo("givenName familyName");
        assertThat(person.active()).isTrue();

        String found = ok(scim(get(filter), null));
        assertThat(JsonPath.<Integer>read(found, "$.totalResults")).isEqualTo(1);
        assertThat(JsonPath.<String>read(found, "$.Resources[0].id")).isEqualTo(id);

        ok(scim(patch("/scim/v2/Users/" + id), sample("entra-id/entra-patch-user-multivalued-request.json")));
        assertThat(people.get(person.id()).email()).isEqualTo("updatedemail@microsoft.com");
        String after = ok(scim(get("/scim/v2/Users/" + id), null));
        assertThat(JsonPath.<String>read(after, "$.name.familyName")).isEqualTo("updatedFamilyName");

        ok(scim(patch("/scim/v2/Users/" + id), sample("entra-id/entra-patch-user-username-request.json")));
        assertThat(JsonPath.<String>read(ok(scim(get("/scim/v2/Users/" + id), null)), "$.userName"))
                .isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");

        String managerId = createUser("boss-" + UUID.randomUUID() + "@example.com");
        ok(scim(patch("/scim/v2/Users/" + id), sample("entra-id/entra-patch-user-add-manager-request.json")
                .replace("00aa00aa-bb11-cc22-dd33-44ee44ee44ee", managerId)));
        assertThat(people.get(person.id()).managerId()).isEqualTo(Long.parseLong(managerId));
        assertThat(JsonPath.<String>read(ok(scim(get("/scim/v2/Users/" + id), null)),
                "$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].manager.value")).isEqualTo(managerId);
    }

    /**
     * The requests Okta sends, in the shapes of Okta's SCIM 2.0 protocol reference: look-up with
     * paging, create (with a password and an empty groups list, neither kept), updates by PUT of
     * the whole user, deactivation by a replace without a path, and groups renamed by a replace
     * carrying the id, members added by value and removed by a value filter.
     */
    @Test
    void oktaProvisionsAsItDocuments() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String userName = "test.user-" + suffix + "@okta.local";
        String lookUp = "/scim/v2/Users?filter=" + encode("userName eq \"" + userName + "\"") + "&startIndex=1&count=100";
        assertThat(JsonPath.<Integer>read(ok(scim(get(lookUp), null)), "$.totalResults")).isZero();
        MockHttpServletResponse created = scim(post("/scim/v2/Users"), """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%1$s",
                 "name":{"givenName":"Test","familyName":"User"},"emails":[{"primary":true,"value":"%1$s","type":"work"}],
                 "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
                 "password":"1mz050nq","active":true}""".formatted(userName));
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).doesNotContain("1mz050nq");
        String id = JsonPath.read(created.getContentAsString(), "$.id");
        assertThat(JsonPath.<Integer>read(ok(scim(get(lookUp), null)), "$.totalResults")).isEqualTo(1);

        String current = ok(scim(get("/scim/v2/Users/" + id), null));
        String renamed = JsonPath.parse(current).set("$.name.familyName", "Userson").set("$.displayName", "Test Userson")
                .jsonString();
        ok(scim(put("/scim/v2/Users/" + id), renamed));
        assertThat(people.get(Long.parseLong(id)).name()).isEqualTo("Test Userson");

        ok(scim(patch("/scim/v2/Users/" + id), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}"""));
        assertThat(people.get(Long.parseLong(id)).active()).isFalse();

        String group = JsonPath.read(scim(post("/scim/v2/Groups"), """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta %s","members":[]}"""
                .formatted(suffix)).getContentAsString(), "$.id");
        ok(scim(patch("/scim/v2/Groups/" + group), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"Okta renamed %s"}}]}"""
                .formatted(group, suffix)));
        ok(scim(patch("/scim/v2/Groups/" + group), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"%s"}]}]}"""
                .formatted(id, userName)));
        assertThat(people.get(Long.parseLong(id)).teamName()).isEqualTo("Okta renamed " + suffix);
        ok(scim(patch("/scim/v2/Groups/" + group), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\\"%s\\\"]"}]}""".formatted(id)));
        assertThat(people.get(Long.parseLong(id)).teamId()).isNull();
    }

    @Test
    void entraIdsQuirkyUserIsAccepted() throws Exception {
        String body = sample("entra-id/entra-provision-user-request-quirky.json")
                .replace("jyoung@testuser.com", "jyoung-" + UUID.randomUUID() + "@testuser.com")
                .replace("jyoung@Contoso.com", "jyoung-" + UUID.randomUUID() + "@Contoso.com");
        MockHttpServletResponse created = scim(post("/scim/v2/Users"), body);

        assertThat(created.getStatus()).isEqualTo(201);
        Person person = people.get(Long.parseLong(JsonPath.read(created.getContentAsString(), "$.id")));
        assertThat(person.name()).isEqualTo("Joy Young");
        assertThat(person.email()).startsWith("jyoung-").endsWith("@contoso.com");
    }

    @Test
    void groupsBecomeTeamsAndTheirMembersThePeopleInThem() throws Exception {
        String member = createUser("member-" + UUID.randomUUID() + "@example.com");
        String name = "Provisioned " + UUID.randomUUID();
        MockHttpServletResponse created = scim(post("/scim/v2/Groups"),
                sample("entra-id/entra-create-group-request.json").replace("\"displayName\": \"displayName\"",
                        "\"displayName\": \"" + name + "\""));
        assertThat(created.getStatus()).isEqualTo(201);
        String group = JsonPath.read(created.getContentAsString(), "$.id");

        ok(scim(patch("/scim/v2/Groups/" + group), sample("entra-id/entra-patch-group-add-members-request.json")
                .replace("f648f8d5ea4e4cd38e9c", member)));
        assertThat(people.get(Long.parseLong(member)).teamName()).isEqualTo(name);
        String read = ok(scim(get("/scim/v2/Groups/" + group), null));
        assertThat(JsonPath.<List<String>>read(read, "$.members[*].value")).containsExactly(member);
        assertThat(JsonPath.<List<String>>read(ok(scim(get("/scim/v2/Users/" + member), null)), "$.groups[*].value"))
                .containsExactly(group);
        String withoutMembers = ok(scim(get("/scim/v2/Groups?excludedAttributes=members&filter="
                + encode("displayName eq \"" + name + "\"")), null));
        assertThat(JsonPath.<Integer>read(withoutMembers, "$.totalResults")).isEqualTo(1);
        assertThat(withoutMembers).doesNotContain("\"members\"");

        ok(scim(patch("/scim/v2/Groups/" + group), sample("entra-id/entra-patch-group-remove-members-request.json")
                .replace("f648f8d5ea4e4cd38e9c", member)));
        assertThat(people.get(Long.parseLong(member)).teamId()).isNull();

        // The RFC's own PATCH requests: add one member, replace all, remove all.
        String other = createUser("other-" + UUID.randomUUID() + "@example.com");
        ok(scim(patch("/scim/v2/Groups/" + group), sample("rfc-examples/rfc7644-3.5.2.1-patch_op-add_members.json")
                .replace("2819c223-7f76-453a-919d-413861904646", member)));
        assertThat(people.get(Long.parseLong(member)).teamName()).isEqualTo(name);
        ok(scim(patch("/scim/v2/Groups/" + group), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + other + "\"}]}]}"));
        assertThat(people.get(Long.parseLong(member)).teamId()).isNull();
        assertThat(people.get(Long.parseLong(other)).teamName()).isEqualTo(name);
        ok(scim(patch("/scim/v2/Groups/" + group), sample("rfc-examples/rfc7644-3.5.2.2-patch_op-remove_all_members.json")));
        assertThat(people.get(Long.parseLong(other)).teamId()).isNull();

        assertThat(scim(delete("/scim/v2/Groups/" + group), null).getStatus()).isEqualTo(204);
        assertThat(scim(get("/scim/v2/Groups/" + group), null).getStatus()).isEqualTo(404);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAndTokensAtOnce() throws Exception {
        String email = "leaver-" + UUID.randomUUID() + "@example.com";
        String id = createUser(email);
        User user = users.create(new NewUser("leaver-" + UUID.randomUUID().toString().substring(0, 8), "Leaver", email,
                Role.OWNER, TestUsers.PASSWORD));
        String token = tokens.issue(user.id(), new NewApiToken("laptop", Set.of("READ"), null)).secret();
        Cookie session = mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        String disabled = ok(scim(patch("/scim/v2/Users/" + id), sample("entra-id/entra-disable-user-request.json")));

        assertThat(JsonPath.<Boolean>read(disabled, "$.active")).isFalse();
        assertThat(people.get(Long.parseLong(id)).active()).isFalse();
        assertThat(users.get(user.id()).enabled()).isFalse();
        assertThat(mvc.perform(get("/people").cookie(session).accept(MediaType.TEXT_HTML)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse()
                .getStatus()).isEqualTo(401);

        // Okta reactivates with a replace without a path, Entra ID with a string boolean.
        ok(scim(patch("/scim/v2/Users/" + id), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}"));
        assertThat(users.get(user.id()).enabled()).isTrue();
        ok(scim(patch("/scim/v2/Users/" + id), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}"));
        assertThat(users.get(user.id()).enabled()).isFalse();
    }

    @Test
    void theRfcsEnterpriseUserKeepsEmployeeNumberDepartmentAndManager() throws Exception {
        String manager = createUser("manager-" + UUID.randomUUID() + "@example.com");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String body = sample("rfc-examples/rfc7643-8.3-enterprise_user.json")
                .replace("bjensen@example.com", "bjensen-" + suffix + "@example.com")
                .replace("701984", "701984-" + suffix)
                .replace("26118915-6090-4610-87e4-49d8ca9f808d", manager);
        MockHttpServletResponse created = scim(post("/scim/v2/Users"), body);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        String json = created.getContentAsString();
        Person person = people.get(Long.parseLong(JsonPath.read(json, "$.id")));

        assertThat(person.name()).isEqualTo("Babs Jensen");
        assertThat(person.title()).isEqualTo("Tour Guide");
        assertThat(person.managerId()).isEqualTo(Long.parseLong(manager));
        String enterprise = "$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']";
        assertThat(JsonPath.<String>read(json, enterprise + ".department")).isEqualTo("Tour Operations");
        assertThat(JsonPath.<String>read(json, enterprise + ".employeeNumber")).isEqualTo(person.externalId());
    }

    @Test
    void filtersAndPages() throws Exception {
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            createUser(tag + "-" + i + "@example.com");
        }
        String contains = ok(scim(get("/scim/v2/Users?filter=" + encode("userName co \"" + tag + "\"")
                + "&startIndex=2&count=2"), null));
        assertThat(JsonPath.<Integer>read(contains, "$.totalResults")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(contains, "$.startIndex")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(contains, "$.itemsPerPage")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(contains, "$.Resources[*].userName"))
                .containsExactly(tag + "-1@example.com", tag + "-2@example.com");
        String both = ok(scim(get("/scim/v2/Users?filter=" + encode("userName sw \"" + tag + "-3\" and active eq true")),
                null));
        assertThat(JsonPath.<List<String>>read(both, "$.Resources[*].userName")).containsExactly(tag + "-3@example.com");
        String projected = ok(scim(get("/scim/v2/Users?attributes=userName&filter=" + encode("userName eq \"" + tag
                + "-4@EXAMPLE.com\"")), null));
        assertThat(JsonPath.<Integer>read(projected, "$.totalResults")).isEqualTo(1);
        assertThat(projected).contains("userName").doesNotContain("emails");

        MockHttpServletResponse bad = scim(get("/scim/v2/Users?filter=" + encode("userName xx \"a\"")), null);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(bad.getContentAsString(), "$.scimType")).isEqualTo("invalidFilter");
    }

    @Test
    void etagsGuardReplacesAndSpareUnchangedReads() throws Exception {
        String id = createUser("etag-" + UUID.randomUUID() + "@example.com");
        MockHttpServletResponse read = scim(get("/scim/v2/Users/" + id), null);
        String etag = read.getHeader("ETag");

        assertThat(scim(get("/scim/v2/Users/" + id).header("If-None-Match", etag), null).getStatus()).isEqualTo(304);
        String body = read.getContentAsString().replace("\"title\"", "\"x\"");
        String renamed = JsonPath.parse(read.getContentAsString()).set("$.displayName", "Renamed").jsonString();
        MockHttpServletResponse replaced = scim(put("/scim/v2/Users/" + id).header("If-Match", etag), renamed);
        assertThat(replaced.getStatus()).isEqualTo(200);
        assertThat(replaced.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(people.get(Long.parseLong(id)).name()).isEqualTo("Renamed");

        MockHttpServletResponse stale = scim(put("/scim/v2/Users/" + id).header("If-Match", etag), body);
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(people.get(Long.parseLong(id)).name()).isEqualTo("Renamed");
    }

    @Test
    void refusalsAreScimErrorsNamingTheProblem() throws Exception {
        MockHttpServletResponse malformed = scim(post("/scim/v2/Users"), "{\n \"userName\": \"a\",\n \"active\": tru }");
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(malformed.getContentAsString(), "$.scimType")).isEqualTo("invalidSyntax");
        assertThat(JsonPath.<String>read(malformed.getContentAsString(), "$.detail")).contains("line 3");
        assertThat(JsonPath.<String>read(malformed.getContentAsString(), "$.schemas[0]"))
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");

        MockHttpServletResponse noUserName = scim(post("/scim/v2/Users"), "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
        assertThat(noUserName.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(noUserName.getContentAsString(), "$.detail")).startsWith("userName");

        String email = "twice-" + UUID.randomUUID() + "@example.com";
        createUser(email);
        MockHttpServletResponse twice = scim(post("/scim/v2/Users"), userBody(email));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(JsonPath.<String>read(twice.getContentAsString(), "$.scimType")).isEqualTo("uniqueness");

        assertThat(scim(get("/scim/v2/Users/999999999"), null).getStatus()).isEqualTo(404);
        assertThat(scim(get("/scim/v2/Users/not-a-number"), null).getStatus()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsTokensProvision() throws Exception {
        assertThat(mvc.perform(get("/scim/v2/Users")).andReturn().getResponse().getStatus()).isEqualTo(401);
        for (Role role : Role.values()) {
            User user = TestUsers.create(users, role);
            String token = "Bearer " + tokens.issue(user.id(), new NewApiToken("x", Set.of("READ", "WRITE"), null))
                    .secret();
            int expected = role == Role.ADMIN ? 200 : 403;
            assertThat(mvc.perform(get("/scim/v2/Users").header("Authorization", token)).andReturn().getResponse()
                    .getStatus()).as(role.name()).isEqualTo(expected);
            assertThat(mvc.perform(post("/scim/v2/Groups").header("Authorization", token).contentType(SCIM_JSON)
                    .content("{\"displayName\":\"Role " + role + " " + UUID.randomUUID() + "\"}")).andReturn()
                    .getResponse().getStatus()).as(role.name()).isEqualTo(role == Role.ADMIN ? 201 : 403);
        }
        // A read-only token of an administrator cannot provision.
        String readOnly = "Bearer " + tokens.issue(TestUsers.create(users, Role.ADMIN).id(),
                new NewApiToken("r", Set.of("READ"), null)).secret();
        assertThat(mvc.perform(get("/scim/v2/Users").header("Authorization", readOnly)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void describesItself() throws Exception {
        String config = ok(scim(get("/scim/v2/ServiceProviderConfig"), null));
        assertThat(JsonPath.<Boolean>read(config, "$.patch.supported")).isTrue();
        assertThat(JsonPath.<Boolean>read(config, "$.etag.supported")).isTrue();
        assertThat(JsonPath.<Boolean>read(config, "$.filter.supported")).isTrue();
        assertThat(JsonPath.<List<String>>read(ok(scim(get("/scim/v2/ResourceTypes"), null)), "$.Resources[*].id"))
                .containsExactly("User", "Group");
        assertThat(JsonPath.<List<String>>read(ok(scim(get("/scim/v2/Schemas"), null)), "$.Resources[*].id"))
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(scim(get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group"), null).getStatus())
                .isEqualTo(200);
        assertThat(scim(get("/scim/v2/ResourceTypes/Nope"), null).getStatus()).isEqualTo(404);
    }

    private String createUser(String email) throws Exception {
        MockHttpServletResponse created = scim(post("/scim/v2/Users"), userBody(email));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JsonPath.read(created.getContentAsString(), "$.id");
    }

    private static String userBody(String email) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"name\":{\"givenName\":\"Pat\",\"familyName\":\"Example\"},\"emails\":[{\"value\":\"" + email
                + "\",\"primary\":true}],\"active\":true}";
    }

    private MockHttpServletResponse scim(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header("Authorization", bearer).accept(SCIM_JSON);
        if (body != null) {
            request.contentType(SCIM_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private static String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** As typed: MockMvc encodes the query of the address it is given (quotes, spaces) itself. */
    private static String encode(String text) {
        return text;
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = ScimProvisioningIntegrationTest.class.getResourceAsStream("/samples/scim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
