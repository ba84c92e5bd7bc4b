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
     * and the list of {@code errors} naming each wrong field or line (a 400 always has one, about the
     * whole request when no field or line is to blame).
     */
    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail,
            List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pitwall:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        } else if (status.value() == 400) {
            // Every refusal of input lists what is wrong, even when it is the whole request.
            problem.setProperty("errors", List.of(new Violation(null, null, null, detail)));
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
