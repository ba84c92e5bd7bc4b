package dev.pitwall.platform.web;

import org.springframework.http.HttpStatus;

/** Base of every "no such thing" failure; answered with 404, never 500. */
public abstract class NotFoundException extends ProblemException {

    protected NotFoundException(String code, String what, Object key) {
        super(HttpStatus.NOT_FOUND, code, what + " not found", what + " '" + key + "' does not exist.");
    }
}
