package dev.pitwall.governance;

import dev.pitwall.platform.web.NotFoundException;

/** No control with this key. */
public class ControlNotFound extends NotFoundException {

    public ControlNotFound(String key) {
        super("CONTROL_NOT_FOUND", "Control", key);
    }
}
