package dev.pitwall.operations;

import dev.pitwall.platform.web.NotFoundException;

/** No incident with this id. */
public class IncidentNotFound extends NotFoundException {

    public IncidentNotFound(Object id) {
        super("INCIDENT_NOT_FOUND", "Incident", id);
    }
}
