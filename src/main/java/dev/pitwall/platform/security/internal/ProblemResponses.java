package dev.pitwall.platform.security.internal;

import dev.pitwall.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers of the API as RFC 9457 problem details. */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_SIGN_IN_FAILURES",
                        "Too many failed sign-ins", throttled.getMessage(), List.of()));
                return;
            }
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Pitwall\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Pitwall\"");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized",
                    "Send a valid API token as 'Authorization: Bearer <token>' or a user's credentials with HTTP Basic.",
                    List.of()));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Forbidden", "Your role or token scopes do not allow this request.", List.of()));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
