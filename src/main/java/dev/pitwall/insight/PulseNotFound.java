package dev.pitwall.insight;

import dev.pitwall.platform.web.NotFoundException;

public class PulseNotFound extends NotFoundException {
    public PulseNotFound(Object key) {
        super("PULSE_NOT_FOUND", "Pulse", key);
    }
}
