package dev.pitwall.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation constraints inside the service, so every entry point (API,
 * UI form, import, demo) gets the same rules and the same {@link InvalidInputException}; and
 * checks every text in the command (nested records, lists and maps included) against
 * {@link TextPolicy}, whichever way it arrived.
 */
@Component
public class InputValidator {

    private static final int MAX_DEPTH = 8;

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T command) {
        List<Violation> violations = new ArrayList<>(validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> Violation.ofField(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
        text(command, "", violations, 0);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.size() + " field(s) are invalid.", violations);
        }
        return command;
    }

    private static void text(Object value, String path, List<Violation> violations, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String string) {
            TextPolicy.problem(string).ifPresent(reason -> violations.add(Violation.ofField(path, reason)));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                text(item, path + "[" + i++ + "]", violations, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                text(key, path, violations, depth + 1);
                text(item, join(path, String.valueOf(key)), violations, depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.trySetAccessible();
                    text(accessor.invoke(value), join(path, component.getName()), violations, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component, e);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
