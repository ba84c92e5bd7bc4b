package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every error that escapes a controller (unknown paths, container errors, access denied
 * in the UI): problem details for API clients, a friendly page for people.
 */
@Controller
class PitwallErrorController implements ErrorController {

    private static final Set<Integer> PAGES = Set.of(403, 404, 500);

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (wantsProblem(request, path)) {
            return problem(status, path);
        }
        response.setStatus(status.value());
        String view = PAGES.contains(status.value()) ? "error/" + status.value() : "error/generic";
        return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase(),
                "path", path == null ? "" : path), status);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String path) {
        String detail = switch (status) {
            case NOT_FOUND -> "No resource at " + path + ".";
            case FORBIDDEN -> "Your role or token scopes do not allow this request.";
            case UNAUTHORIZED -> "Authentication is required.";
            default -> status.getReasonPhrase() + ".";
        };
        String code = status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : status.name().toUpperCase(Locale.ROOT);
        ProblemDetail problem = Problems.of(status, code, status.getReasonPhrase(), detail, List.of());
        if (path != null) {
            problem.setInstance(java.net.URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean wantsProblem(HttpServletRequest request, String path) {
        if (path != null && (path.startsWith("/api/") || path.startsWith("/otlp/") || path.startsWith("/v3/"))) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains("text/html") && !accept.contains("*/*");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus resolved = HttpStatus.resolve(value);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
