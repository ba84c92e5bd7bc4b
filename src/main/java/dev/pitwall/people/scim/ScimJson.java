package dev.pitwall.people.scim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.pitwall.platform.digest.Sha256;
import java.io.IOException;

/**
 * SCIM bodies read and written with the SCIM SDK's own Jackson 2 mapper (the SDK's filters,
 * paths and PATCH operations work on its nodes); parse errors name the line and column.
 */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

    private ScimJson() {
    }

    static ObjectNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimProblem.invalidSyntax("the request has no body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw ScimProblem.invalidSyntax(where + e.getOriginalMessage());
        } catch (IOException e) {
            throw ScimProblem.invalidSyntax(e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ScimProblem.invalidSyntax("the body must be a JSON object");
        }
        checkText(object, "");
        return object;
    }

    /**
     * Refuses text no person's data needs and that can mislead or break what shows it (NUL and
     * other control characters, unpaired surrogates, bidirectional overrides), naming where it is.
     */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            dev.pitwall.platform.web.TextPolicy.problem(node.asText()).ifPresent(problem -> {
                throw ScimProblem.invalidValue(path.isEmpty() ? "value" : path, problem);
            });
        } else if (node.isObject()) {
            node.properties().forEach(e -> checkText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A weak entity tag over the resource's content (its meta left out), so any change changes it. */
    static String etag(ObjectNode resource) {
        ObjectNode content = resource.deepCopy();
        content.remove("meta");
        return "W/\"" + Sha256.hex(write(content)).substring(0, 20) + "\"";
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null
                : value.asText().trim();
    }
}
