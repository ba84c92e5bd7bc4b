package dev.pitwall.telemetry.discovery;

import dev.pitwall.platform.web.NotFoundException;

/** No AI service with that key in the catalog (or, for unblocking, no block on it). */
public class AiServiceNotFound extends NotFoundException {

    AiServiceNotFound(String what, String key) {
        super("AI_SERVICE_NOT_FOUND", what, key);
    }
}
