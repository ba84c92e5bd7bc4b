package dev.pitwall.insight;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A pulse link that cannot be answered: unknown (never issued, or replaced by a newer link) is 404,
 * already answered or closed is 410.
 */
public class PulseLinkUnusable extends ProblemException {

    public PulseLinkUnusable(HttpStatus status, String code, String detail) {
        super(status, code, "This pulse link cannot be answered", detail);
    }
}
