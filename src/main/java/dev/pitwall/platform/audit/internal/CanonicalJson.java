package dev.pitwall.platform.audit.internal;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON form per value: object keys sorted, no whitespace, ISO dates. Hashes are computed over
 * this form, so it must never change for the same value.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CanonicalJson() {
    }

    /** The canonical JSON of {@code value}, or {@code null} for {@code null}. */
    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        // Going through plain maps and lists makes nested records and maps sort the same way.
        Object plain = MAPPER.convertValue(value, Object.class);
        return MAPPER.writeValueAsString(plain);
    }
}
