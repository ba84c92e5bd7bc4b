package dev.pitwall.portfolio;

import dev.pitwall.platform.web.NotFoundException;

public class DataSourceNotFound extends NotFoundException {
    public DataSourceNotFound(Object key) {
        super("DATA_SOURCE_NOT_FOUND", "Data source", key);
    }
}
