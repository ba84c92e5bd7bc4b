package dev.pitwall.platform.web;

import java.util.Optional;

/**
 * What text Pitwall accepts at its edges (JSON, YAML, forms, CSV, query parameters): well-formed
 * Unicode without invisible controls. Refused are unpaired UTF-16 surrogates (not Unicode at all:
 * they cannot be encoded as UTF-8 and broke every page that showed them), NUL and the other C0
 * controls except tab, line feed and carriage return, and the bidirectional embedding, override
 * and isolate controls U+202A–U+202E and U+2066–U+2069, which make a name read differently from
 * what it is ("Trojan Source"). Right-to-left scripts need none of them; the marks U+200E and
 * U+200F stay allowed.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** Why {@code text} is refused, or empty when it is acceptable (also when {@code null}). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate at position " + (i + 1)
                        + ", which is not valid Unicode");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return Optional.of("contains the control character " + codePoint(c) + " at position " + (i + 1));
            } else if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return Optional.of("contains the bidirectional control character " + codePoint(c) + " at position "
                        + (i + 1) + ", which can make text read differently from what it is");
            }
        }
        return Optional.empty();
    }

    /** The text itself, or an {@link InvalidInputException} naming {@code field}. */
    public static String require(String field, String text) {
        problem(text).ifPresent(reason -> {
            throw InvalidInputException.ofField(field, reason);
        });
        return text;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
