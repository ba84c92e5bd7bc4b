package dev.pitwall.people.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What Microsoft Entra ID and Okta send that RFC 7644 does not quite allow, turned into what it
 * does before the SCIM SDK reads it:
 * <ul>
 * <li>operation names in any case ({@code "Replace"}, {@code "Add"});
 * <li>booleans as strings ({@code "value": "False"} for {@code active});
 * <li>a remove of {@code members} with the members to remove as its value, instead of a filter;
 * <li>a single-valued {@code manager} sent as an array of one, under the core schema's path.
 * </ul>
 */
final class ScimQuirks {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private ScimQuirks() {
    }

    static ObjectNode patchRequest(ObjectNode request) {
        ObjectNode normalized = request.deepCopy();
        JsonNode operations = operations(normalized);
        if (!(operations instanceof ArrayNode list)) {
            throw ScimProblem.invalidSyntax("Operations: a PATCH request needs a list of operations");
        }
        ArrayNode rewritten = ScimJson.MAPPER.createArrayNode();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode operation)) {
                throw ScimProblem.invalidSyntax("Operations[" + i + "]: must be an object");
            }
            rewrite(operation, rewritten);
        }
        normalized.remove("operations");
        normalized.set("Operations", rewritten);
        return normalized;
    }

    /** A full resource (POST, PUT): string booleans for {@code active}. */
    static ObjectNode resource(ObjectNode resource) {
        JsonNode active = resource.get("active");
        if (active != null && active.isTextual()) {
            resource.set("active", bool("active", active));
        }
        return resource;
    }

    private static JsonNode operations(ObjectNode request) {
        JsonNode operations = request.get("Operations");
        return operations != null ? operations : request.get("operations");
    }

    private static void rewrite(ObjectNode operation, ArrayNode into) {
        JsonNode op = operation.get("op");
        if (op == null || !op.isTextual()) {
            throw ScimProblem.invalidSyntax("op: each operation needs 'add', 'replace' or 'remove'");
        }
        String name = op.asText().toLowerCase(Locale.ROOT);
        operation.put("op", name);
        String path = ScimJson.text(operation, "path");
        JsonNode value = operation.get("value");
        if ("active".equalsIgnoreCase(path) && value != null && value.isTextual()) {
            operation.set("value", bool("active", value));
        }
        if (path == null && value instanceof ObjectNode object && object.get("active") != null
                && object.get("active").isTextual()) {
            object.set("active", bool("active", object.get("active")));
        }
        if ("manager".equalsIgnoreCase(path)) {
            operation.put("path", ENTERPRISE + ":manager");
            if (value instanceof ArrayNode array && array.size() == 1) {
                operation.set("value", array.get(0));
            }
        }
        if ("remove".equals(name) && "members".equalsIgnoreCase(path) && value instanceof ArrayNode members) {
            for (JsonNode member : members) {
                String id = ScimJson.text(member, "value");
                if (id == null) {
                    throw ScimProblem.invalidValue("members", "each member to remove needs a value");
                }
                ObjectNode one = ScimJson.MAPPER.createObjectNode();
                one.put("op", "remove");
                one.put("path", "members[value eq \"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
                into.add(one);
            }
            return;
        }
        into.add(operation);
    }

    private static BooleanNode bool(String attribute, JsonNode text) {
        String value = text.asText().trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw ScimProblem.invalidValue(attribute, "must be true or false, not '" + text.asText() + "'");
        }
        return BooleanNode.valueOf(value.equals("true"));
    }
}
