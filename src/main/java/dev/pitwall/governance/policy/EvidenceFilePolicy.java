package dev.pitwall.governance.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which evidence files are accepted: documents, images and text, each checked against its content
 * (a PDF must start like a PDF, text must be UTF-8 without NUL bytes, Office files are ZIP
 * containers). Anything else, or a file whose content belies its type, is refused: evidence is
 * downloaded by reviewers, so executables and mislabeled content must not be stored.
 */
public final class EvidenceFilePolicy {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The accepted types and the signature their content must carry (null: UTF-8 text). */
    private static final Map<String, byte[]> ACCEPTED = Map.ofEntries(
            Map.entry("application/pdf", PDF),
            Map.entry("image/png", PNG),
            Map.entry("image/jpeg", JPEG),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
            Map.entry("text/plain", new byte[0]),
            Map.entry("text/csv", new byte[0]),
            Map.entry("text/markdown", new byte[0]),
            Map.entry("application/json", new byte[0]));

    private EvidenceFilePolicy() {
    }

    /** The accepted content types, for error messages and upload forms. */
    public static java.util.Set<String> acceptedTypes() {
        return new java.util.TreeSet<>(ACCEPTED.keySet());
    }

    /** The type without parameters, lower case ({@code text/plain; charset=utf-8} → {@code text/plain}). */
    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Why the file is refused, or empty when it is accepted. */
    public static Optional<String> refusal(String contentType, byte[] content) {
        String type = baseType(contentType);
        byte[] signature = ACCEPTED.get(type);
        if (signature == null) {
            return Optional.of("'" + (type.isEmpty() ? "no type" : type) + "' is not accepted; accepted are "
                    + String.join(", ", acceptedTypes()));
        }
        if (content.length == 0) {
            return Optional.of("the file is empty");
        }
        if (signature.length == 0) {
            return isUtf8Text(content) ? Optional.empty()
                    : Optional.of("the content is not UTF-8 text, as " + type + " must be");
        }
        if (!startsWith(content, signature)) {
            return Optional.of("the content is not " + type + " (its first bytes do not match)");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
