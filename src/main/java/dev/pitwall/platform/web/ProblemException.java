package dev.pitwall.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An expected failure that reaches the client as RFC 9457 problem details. Each module names its
 * own few subclasses (e.g. {@code PersonNotFound}); the {@link #code()} is stable and documented,
 * clients may switch on it.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    protected ProblemException(HttpStatus status, String code, String title, String detail,
            List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    protected ProblemException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable machine-readable code, e.g. {@code PERSON_NOT_FOUND}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * The problem in one line for a page: each violation as "field: reason", or the detail when
     * there are none.
     */
    public String describe() {
        return violations.isEmpty() ? getMessage() : violations.stream()
                .map(v -> (v.field() == null ? "" : v.field() + ": ") + v.reason())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Extra members of the problem details, e.g. the accounting of a rejected ingestion batch. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Response headers the client needs to act on the problem, e.g. {@code Retry-After} with 429. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
