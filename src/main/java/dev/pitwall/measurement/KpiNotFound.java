package dev.pitwall.measurement;

import dev.pitwall.platform.web.NotFoundException;

/** No KPI with this id. */
public class KpiNotFound extends NotFoundException {

    public KpiNotFound(Object id) {
        super("KPI_NOT_FOUND", "KPI", id);
    }
}
