package dev.pitwall.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.users.UserUpdate;
import dev.pitwall.platform.users.Users;
import dev.pitwall.testing.DatabaseAvailability;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testidp.TestIdentityProvider;
import testidp.TestIdentityProvider.Person;

/**
 * Signing in with an OpenID Connect provider, end to end: a real authorization server in the JVM,
 * Pitwall on a real port, and an HTTP client that follows the redirects and keeps cookies as a
 * browser does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class OidcSignInIntegrationTest {

    private static final int PORT = freePort();
    private static final String PITWALL = "http://127.0.0.1:" + PORT;
    private static final TestIdentityProvider IDP = TestIdentityProvider
            .start(PITWALL + "/login/oauth2/code/corporate");

    @DynamicPropertySource
    static void signInWithTheProvider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        String registration = "spring.security.oauth2.client.registration.corporate.";
        registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Corporate SSO");
        registry.add(registration + "scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.corporate.issuer-uri", IDP::issuer);
        registry.add("pitwall.identity.oidc.role-mappings.pitwall-admins", () -> "ADMIN");
        registry.add("pitwall.identity.oidc.role-mappings.pitwall-owners", () -> "OWNER");
        registry.add("pitwall.identity.oidc.role-mappings.Pitwall-Executives", () -> "EXECUTIVE");
    }

    @Autowired
    Users users;
    @Autowired
    UserService userService;
    @Autowired
    AuditLog auditLog;

    @Test
    void createsTheUserOnFirstSignInWithTheRoleTheirGroupsMapTo() throws Exception {
        IDP.person("ada", Person.withClaims(Map.of("groups", List.of("staff", "pitwall-owners", "pitwall-admins"),
                "email", "Ada@Example.com", "name", "Ada Lovelace", "preferred_username", "ada@example.com")));
        Browser browser = new Browser();

        HttpResponse<String> home = browser.signIn("ada");

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains(">ada<");
        User ada = users.findOnlyByEmail("ada@example.com").orElseThrow();
        assertThat(ada.role()).isEqualTo(Role.ADMIN);
        assertThat(ada.username()).isEqualTo("ada");
        assertThat(users.issuersOf(ada.id())).containsExactly(IDP.issuer());
        assertThat(users.findCredentials("ada").orElseThrow().passwordHash()).isNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> userService.changeOwnPassword(ada.id(), "x",
                "a-new-password-123"))).hasMessageContaining("identity provider");
        // Signed in as an administrator: the users page answers.
        HttpResponse<String> usersPage = browser.get("/admin/users");
        assertThat(usersPage.statusCode()).isEqualTo(200);
        assertThat(usersPage.body()).contains("single sign-on");
        assertThat(auditLog.find(new dev.pitwall.platform.audit.AuditQuery("USER_IDENTITY", null, null, null, null, null),
                new dev.pitwall.platform.web.PageQuery(0, 100)).content())
                .anySatisfy(e -> assertThat(e.after()).contains(IDP.issuer()).contains("\"username\":\"ada\""));
    }

    @Test
    void givesTheDefaultRoleWhenTheGroupsClaimIsMissing() throws Exception {
        IDP.person("nora", Person.withClaims(Map.of("email", "nora@example.com", "name", "Nora Nogroups")));

        HttpResponse<String> home = new Browser().signIn("nora");

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(users.findOnlyByEmail("nora@example.com").orElseThrow().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void linksAnExistingUserByEmailAndTakesTheRoleFromTheProviderAtEachSignIn() throws Exception {
        User otto = userService.create(new NewUser("otto.local", "Otto Local", "otto@example.com", Role.CONTRIBUTOR,
                "a-Long-enough-password-1"));
        IDP.person("otto", Person.withClaims(Map.of("groups", List.of("pitwall-executives"),
                "email", "otto@example.com", "name", "Otto Example")));

        new Browser().signIn("otto");

        User linked = userService.get(otto.id());
        assertThat(linked.role()).isEqualTo(Role.EXECUTIVE);
        assertThat(linked.displayName()).isEqualTo("Otto Example");
        assertThat(users.issuersOf(otto.id())).containsExactly(IDP.issuer());

        // The provider moves Otto to the owners: the next sign-in brings the role along.
        IDP.person("otto", Person.withClaims(Map.of("groups", List.of("pitwall-owners"),
                "email", "otto@example.com", "name", "Otto Example")));
        new Browser().signIn("otto");
        assertThat(userService.get(otto.id()).role()).isEqualTo(Role.OWNER);
    }

    @Test
    void refusesAnIdTokenMeantForAnotherApplication() throws Exception {
        IDP.person("wendy", Person.withClaims(Map.of("email", "wendy@example.com")).forAudience("another-application"));
        Browser browser = new Browser();

        HttpResponse<String> answer = browser.signIn("wendy");

        assertThat(answer.uri().toString()).endsWith("/login?sso-error=invalid_id_token");
        assertThat(answer.body()).contains("was not accepted");
        assertThat(users.findOnlyByEmail("wendy@example.com")).isEmpty();
        assertThat(browser.get("/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void refusesAnExpiredIdToken() throws Exception {
        IDP.person("eddie", Person.withClaims(Map.of("email", "eddie@example.com")).alreadyExpired());
        Browser browser = new Browser();

        HttpResponse<String> answer = browser.signIn("eddie");

        assertThat(answer.uri().toString()).endsWith("/login?sso-error=invalid_id_token");
        assertThat(users.findOnlyByEmail("eddie@example.com")).isEmpty();
        assertThat(browser.get("/").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void refusesADisabledUserAndEndsTheSessionsOfOneWhoIsDisabled() throws Exception {
        IDP.person("dora", Person.withClaims(Map.of("email", "dora@example.com", "name", "Dora")));
        Browser browser = new Browser();
        browser.signIn("dora");
        User dora = users.findOnlyByEmail("dora@example.com").orElseThrow();
        assertThat(browser.get("/").uri().getPath()).isEqualTo("/");

        userService.update(dora.id(), new UserUpdate(dora.displayName(), dora.email(), dora.role(), false));

        assertThat(browser.get("/").uri().toString()).endsWith("/login?expired");
        HttpResponse<String> again = new Browser().signIn("dora");
        assertThat(again.uri().toString()).endsWith("/login?sso-error=account_disabled");
    }

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");

        assertThat(page.body()).contains("Sign in with Corporate SSO").contains("/oauth2/authorization/corporate");
    }

    /** An HTTP client that keeps cookies per host and follows redirects, as a browser does. */
    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(PITWALL + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Starts at Pitwall, signs in at the provider's form, and ends wherever Pitwall sends them. */
        HttpResponse<String> signIn(String username) throws IOException, InterruptedException {
            HttpResponse<String> providerLogin = get("/oauth2/authorization/corporate");
            assertThat(providerLogin.uri().getPath()).isEqualTo("/login");
            assertThat(providerLogin.uri().getHost()).isEqualTo("localhost");
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + TestIdentityProvider.PASSWORD;
            return http.send(HttpRequest.newBuilder(providerLogin.uri())
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
