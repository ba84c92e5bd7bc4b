package dev.pitwall.platform.security.internal;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in is refused for a while after too many failures (429 for the API, a message on the page). */
class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until sign-in is possible again (at least 1). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
