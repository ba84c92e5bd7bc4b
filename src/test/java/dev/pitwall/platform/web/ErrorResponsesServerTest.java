package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.DatabaseAvailability;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.UserService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Errors as a real servlet container produces them (MockMvc does not dispatch to the error page):
 * problem details for API clients, friendly pages for people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class ErrorResponsesServerTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", ADMIN).header("Accept", accept).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownApiPathsAnswerProblemDetailsNamingThePath() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/no-such-thing", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"", "\"instance\":\"/api/v1/no-such-thing\"");
    }

    @Test
    void aWrongMethodKeepsItsStatusAsAProblem() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/people", "*/*");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void aPageTheRoleDoesNotAllowIsAFriendly403() throws Exception {
        users.create(new NewUser("viewer-403", "Viewer", null, Role.VIEWER, "correct-horse-battery"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/users"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("viewer-403:correct-horse-battery".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/html").build();
        HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You can't open this page");
    }

    @Test
    void peopleGetAFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> page = send("GET", "/no-such-page", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is nothing here", "Back to the home page");
        HttpResponse<String> person = send("GET", "/people/987654321", "text/html");
        assertThat(person.statusCode()).isEqualTo(404);
        assertThat(person.body()).contains("There is nothing here");
    }
}
