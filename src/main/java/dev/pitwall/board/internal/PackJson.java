package dev.pitwall.board.internal;

import dev.pitwall.board.BoardPackContent;
import dev.pitwall.measurement.MetricDefinitions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pack's content as canonical JSON (fields in declaration order, no whitespace, ISO dates,
 * numbers as Java writes them shortest) and the SHA-256 that covers it.
 */
public final class PackJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PackJson() {
    }

    public static String write(BoardPackContent content) {
        return MAPPER.writeValueAsString(content);
    }

    /** The stored content; a row altered into something that is not a pack reads as an empty pack. */
    public static BoardPackContent read(String json) {
        try {
            return MAPPER.readValue(json, BoardPackContent.class);
        } catch (JacksonException e) {
            return new BoardPackContent(BoardPackContent.FORMAT, "(unreadable)", "?", null, null, null,
                    "The stored content is not a readable pack: " + e.getOriginalMessage(), java.util.List.of());
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The version of what a pack's figures mean: SHA-256 over every metric definition (id, name,
     * formula) and the pack's format, so a changed formula shows as a changed version.
     */
    public static String definitionsVersion() {
        StringBuilder text = new StringBuilder(BoardPackContent.FORMAT);
        MetricDefinitions.all().values().forEach(d -> text.append('\n').append(d.id()).append('|').append(d.name())
                .append('|').append(d.formula()));
        return sha256(text.toString());
    }
}
