package dev.pitwall.people.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;

/**
 * A PATCH request (RFC 7644 §3.5.2) applied by the SCIM SDK to a copy of the resource as it is,
 * after the providers' quirks are straightened ({@link ScimQuirks}); the caller then saves the
 * result as it would a PUT.
 */
final class ScimPatch {

    private ScimPatch() {
    }

    static ObjectNode apply(ObjectNode current, ObjectNode request) {
        GenericScimResource patched = new GenericScimResource(current.deepCopy());
        try {
            ScimJson.MAPPER.treeToValue(ScimQuirks.patchRequest(request), PatchRequest.class).apply(patched);
        } catch (JsonProcessingException e) {
            throw ScimProblem.invalidSyntax(e.getOriginalMessage());
        } catch (ScimException e) {
            throw ScimProblem.of(e);
        }
        return patched.getObjectNode();
    }

    /** The numeric id of a resource, or 404 as SCIM says for an id that names none. */
    static long id(String resourceType, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ScimProblem.notFound(resourceType, id);
        }
    }
}
