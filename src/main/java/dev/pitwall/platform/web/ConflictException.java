package dev.pitwall.platform.web;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state (a duplicate, a thing still in use). */
public class ConflictException extends ProblemException {

    public ConflictException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, "Conflict", detail);
    }
}
