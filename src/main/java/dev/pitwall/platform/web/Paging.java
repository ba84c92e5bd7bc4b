package dev.pitwall.platform.web;

import dev.pitwall.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/** Turns the {@code page} and {@code size} request parameters into a bounded {@link PageQuery}. */
@Component
public class Paging {

    private final PlatformProperties properties;

    Paging(PlatformProperties properties) {
        this.properties = properties;
    }

    public PageQuery of(Integer page, Integer size) {
        int requested = size == null ? properties.defaultPageSize() : size;
        if (requested > properties.maxPageSize()) {
            throw InvalidInputException.ofField("size", "must be at most " + properties.maxPageSize());
        }
        return new PageQuery(page == null ? 0 : page, requested);
    }
}
