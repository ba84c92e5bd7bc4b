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
    void aMultipartUploadOverTheLimitIsA413ProblemNotAnEmptyAnswer() throws Exception {
        String boundary = "pitwall-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 21 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, body.length - tail.length, (byte) 'x');
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/people/import"))
                .header("Authorization", ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void theSignInRedirectIsRelativeWhateverTheHostHeaderSays() throws Exception {
        java.net.Socket socket = new java.net.Socket("localhost", port);
        try (socket) {
            socket.getOutputStream().write(("GET /people HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 302");
            String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                    .orElseThrow();
            assertThat(location).doesNotContain("evil.example").endsWith("/login");
        }
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        HttpResponse<String> page = send("GET", "/people", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';").doesNotContain("'unsafe-inline' ;").doesNotContain("unsafe-eval");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(send("GET", "/api/v1/people", "application/json").headers().firstValue("Referrer-Policy"))
                .hasValue("strict-origin-when-cross-origin");
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
