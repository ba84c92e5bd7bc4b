package dev.pitwall.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.PitwallApplication;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.users.UserUpdate;
import dev.pitwall.testing.DatabaseAvailability;
import dev.pitwall.testing.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two application nodes on one database, as behind a load balancer without sticky sessions: a
 * person signs in through one node and goes on through the other; a user disabled on one node
 * loses their session on the other at their next click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class SharedSessionsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int firstPort;
    @Autowired
    UserService users;

    private static ConfigurableApplicationContext second;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The second node: the same application, on the first node's database. */
    @BeforeAll
    static void startTheSecondNode(@Autowired DataSource firstDatabase) {
        // The pool's own URL: the configured one may hold ${random.uuid}, which would resolve anew.
        HikariDataSource database = (HikariDataSource) firstDatabase;
        // Arguments, as on a command line, outrank application-test.yml (builder properties would not).
        second = new SpringApplicationBuilder(PitwallApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
                        "--spring.datasource.username=" + database.getUsername(),
                        "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()));
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionStartedOnOneNodeGoesOnOnTheOther() throws Exception {
        User user = TestUsers.create(users, Role.CONTRIBUTOR);
        signIn(firstPort, user.username());

        HttpResponse<String> directory = get(secondPort(), "/people");
        assertThat(directory.uri().getPath()).isEqualTo("/people");
        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(directory.body()).contains(">" + user.username() + "<");

        // A form of the first node is accepted by the second: the CSRF token lives in the session.
        String team = "Shared session team " + java.util.UUID.randomUUID();
        HttpResponse<String> created = post(secondPort(), "/teams", "name=" + URLEncoder.encode(team, StandardCharsets.UTF_8)
                + "&_csrf=" + csrfFrom(get(firstPort, "/teams").body()));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains(team);

        // Signing out on the second node ends the session on the first.
        post(secondPort(), "/logout", "_csrf=" + csrfFrom(get(secondPort(), "/people").body()));
        assertThat(get(firstPort, "/people").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void disablingAUserOnOneNodeEndsTheirSessionOnTheOther() throws Exception {
        User user = TestUsers.create(users, Role.VIEWER);
        signIn(firstPort, user.username());
        assertThat(get(firstPort, "/people").statusCode()).isEqualTo(200);

        second.getBean(UserService.class).update(user.id(),
                new UserUpdate(user.displayName(), user.email(), user.role(), false));

        assertThat(get(firstPort, "/people").uri().toString()).endsWith("/login?expired");
    }

    private int secondPort() {
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    private void signIn(int port, String username) throws Exception {
        String token = csrfFrom(get(port, "/login").body());
        HttpResponse<String> home = post(port, "/login", "username=" + username + "&password=" + TestUsers.PASSWORD
                + "&_csrf=" + token);
        assertThat(home.uri().getPath()).isEqualTo("/");
    }

    private static String csrfFrom(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
