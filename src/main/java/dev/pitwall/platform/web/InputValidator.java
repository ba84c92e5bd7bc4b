package dev.pitwall.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation constraints inside the service, so every entry point (API,
 * UI form, import, demo) gets the same rules and the same {@link InvalidInputException}.
 */
@Component
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T command) {
        List<Violation> violations = validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> Violation.ofField(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.size() + " field(s) are invalid.", violations);
        }
        return command;
    }
}
