package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails before any controller is
 * chosen, so the advices of API and page controllers never see it; this one does, and answers 413
 * as problem details to API clients and with the error page to people (the container alone sent an
 * empty 413).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException exception, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long max = exception.getMaxUploadSize();
        String detail = "The upload is larger than " + (max > 0 ? max / (1024 * 1024) + " MB" : "the limit")
                + " (spring.servlet.multipart.max-file-size); nothing was read.";
        if (path.startsWith("/api/") || path.startsWith("/otlp/")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", "Upload too large", detail,
                            List.of()));
        }
        return new ModelAndView("error/generic", Map.of("status", 413, "reason", detail, "path", path),
                HttpStatus.CONTENT_TOO_LARGE);
    }
}
