package dev.pitwall.operations;

import dev.pitwall.platform.web.NotFoundException;

/** No monitor with this id. */
public class MonitorNotFound extends NotFoundException {

    public MonitorNotFound(Object id) {
        super("MONITOR_NOT_FOUND", "Monitor", id);
    }
}
