package dev.pitwall.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request was understood but its content is wrong; every wrong field or line is listed. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String code, String detail, List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, code, "Invalid input", detail, violations);
    }

    public InvalidInputException(String detail, List<Violation> violations) {
        this("INVALID_INPUT", detail, violations);
    }

    public static InvalidInputException ofField(String field, String reason) {
        return new InvalidInputException(field + ": " + reason, List.of(Violation.ofField(field, reason)));
    }
}
