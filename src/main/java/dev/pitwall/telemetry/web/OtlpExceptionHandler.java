package dev.pitwall.telemetry.web;

import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.telemetry.ingest.OtlpJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * OTLP/HTTP failures as the specification has them: the HTTP status (400 for bodies that cannot be
 * decoded, 413, 429 and 503 with {@code Retry-After}) and a {@code google.rpc.Status} body in the
 * request's encoding. Exporters retry 429 and 503 and give up on the others.
 */
@RestControllerAdvice(assignableTypes = OtlpController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OtlpExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OtlpExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<byte[]> problem(ProblemException exception, HttpServletRequest request) {
        return respond(exception.status(), code(exception.status()), exception.getMessage(), exception.headers(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<byte[]> denied(AccessDeniedException exception, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, Code.PERMISSION_DENIED, "This token may not send telemetry "
                + "(it needs the ingest scope and a role with telemetry:ingest).", HttpHeaders.EMPTY, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception exception, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure of an OTLP export, reference {}", reference, exception);
        // 503: the failure may be transient (e.g. the database restarting); exporters retry.
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(HttpStatus.SERVICE_UNAVAILABLE, Code.UNAVAILABLE, "Pitwall could not store this export; "
                + "nothing of it was stored. Reference: " + reference, headers, request);
    }

    private static Code code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Code.INVALID_ARGUMENT;
            case CONTENT_TOO_LARGE, TOO_MANY_REQUESTS -> Code.RESOURCE_EXHAUSTED;
            case UNSUPPORTED_MEDIA_TYPE -> Code.INVALID_ARGUMENT;
            case FORBIDDEN -> Code.PERMISSION_DENIED;
            case UNAUTHORIZED -> Code.UNAUTHENTICATED;
            case NOT_FOUND -> Code.NOT_FOUND;
            default -> Code.INTERNAL;
        };
    }

    private static ResponseEntity<byte[]> respond(HttpStatus status, Code code, String message, HttpHeaders headers,
            HttpServletRequest request) {
        Status body = Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
        boolean json = request.getContentType() != null && request.getContentType().toLowerCase().contains("json");
        return ResponseEntity.status(status).headers(headers)
                .contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(OtlpController.PROTOBUF))
                .body(json ? OtlpJson.print(body).getBytes(java.nio.charset.StandardCharsets.UTF_8) : body.toByteArray());
    }
}
