package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Expected failures that escape a page controller (a record that does not exist, a conflict the
 * page did not handle) become the friendly error page with the right status, never a 500.
 * The API advice runs first, so JSON controllers keep answering problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ModelAndView handle(ProblemException exception, HttpServletRequest request) {
        HttpStatus status = exception.status();
        String view = status == HttpStatus.NOT_FOUND ? "error/404" : "error/generic";
        return new ModelAndView(view, Map.of("status", status.value(), "reason", exception.getMessage(),
                "path", request.getRequestURI()), status);
    }
}
