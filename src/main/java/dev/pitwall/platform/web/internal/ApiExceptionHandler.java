package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.JsonPaths;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Problems;
import dev.pitwall.platform.web.Violation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a JSON API controller into RFC 9457 problem details with a stable
 * {@code code}; unexpected failures are logged with a reference the client also receives.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException exception) {
        ProblemDetail problem = Problems.of(exception);
        return ResponseEntity.status(problem.getStatus()).headers(exception.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException exception) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden",
                "Your role or token scopes do not allow this request.", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException exception) {
        Throwable cause = exception.getMostSpecificCause();
        String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                && !cause.getMessage().contains("java.") ? "'" + exception.getValue() + "' " + cause.getMessage()
                : "'" + exception.getValue() + "' is not a valid value";
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                exception.getName() + ": " + reason, List.of(Violation.ofField(exception.getName(), reason))));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException exception) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                exception.getMessage(), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, exception);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; nothing was changed. Reference: " + reference, List.of());
        problem.setProperty("reference", reference);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? Violation.ofField(field.getField(), field.getDefaultMessage())
                        : Violation.ofField(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                violations.size() + " field(s) are invalid.", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Violation.ofField(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input",
                violations.size() + " parameter(s) are invalid.", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                return respondObject(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE",
                        "Request body too large", tooLarge.getMessage(), List.of()));
            }
        }
        tools.jackson.core.JacksonException jackson = JsonPaths.find(exception);
        if (jackson != null) {
            String field = JsonPaths.of(jackson);
            String reason = JsonPaths.reason(jackson);
            return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "Malformed request body",
                    "The request body could not be read" + (field == null ? "" : " at " + field) + ": " + reason,
                    List.of(field == null ? new Violation(null, null, null, reason) : Violation.ofField(field, reason))));
        }
        String reason = exception.getMessage() != null && exception.getMessage().startsWith("Required request body")
                ? "the request needs a body" : "the body could not be read";
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "Malformed request body",
                "The request body could not be read: " + reason, List.of(new Violation(null, null, null, reason))));
    }

    /** Every other Spring MVC failure (405, 406, 415, 413, missing parameter...) keeps its status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : exception.getMessage();
        HttpStatus resolved = HttpStatus.valueOf(status.value());
        ProblemDetail problem = Problems.of(status, resolved.name().toUpperCase(Locale.ROOT),
                resolved.getReasonPhrase(), detail, List.of());
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
