package dev.pitwall.telemetry.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.MalformedBody;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP/JSON: the protobuf JSON mapping with OTLP's one exception, trace and span ids as hex
 * strings instead of base64. Ids are rewritten to base64 in the parsed tree, then the official
 * {@link JsonFormat} parser builds the message, ignoring unknown fields as receivers must.
 */
public final class OtlpJson {

    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id",
            "parent_span_id");
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpJson() {
    }

    /** Parses {@code body} into {@code builder}. @throws MalformedBody when it is not OTLP/JSON */
    public static <B extends Message.Builder> B parse(byte[] body, B builder) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedBody("The body must be a JSON object (an OTLP export request).");
        }
        hexIdsToBase64(tree);
        try {
            PARSER.merge(tree.toString(), builder);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new MalformedBody("The body is not an OTLP export request: " + e.getMessage());
        }
        return builder;
    }

    /** The message in OTLP/JSON (ids of responses need no rewriting: responses carry none). */
    public static String print(Message message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Cannot print " + message.getDescriptorForType().getFullName(), e);
        }
    }

    private static void hexIdsToBase64(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (ID_FIELDS.contains(field.getKey()) && field.getValue().isString()) {
                    object.put(field.getKey(), toBase64(field.getValue().stringValue()));
                } else {
                    hexIdsToBase64(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                hexIdsToBase64(element);
            }
        }
    }

    /** Invalid hex becomes an empty id, which the reader rejects for that span alone. */
    private static String toBase64(String hex) {
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
