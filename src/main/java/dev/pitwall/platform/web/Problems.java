package dev.pitwall.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details in the one shape every Pitwall error has. */
public final class Problems {

    private Problems() {
    }

    /**
     * A problem with a stable {@code code} (also in {@code type} as {@code urn:pitwall:problem:<code>})
     * and, when there are any, the list of {@code errors} naming each wrong field or line.
     */
    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail,
            List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pitwall:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemException exception) {
        ProblemDetail problem = of(exception.status(), exception.code(), exception.title(), exception.getMessage(),
                exception.violations());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }
}
