package dev.pitwall.people.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2}: Users become directory people,
 * Groups become teams. Bodies are read and written as {@code application/scim+json} with the SCIM
 * SDK's mapper, so they are taken and returned as text here. See docs/identity.md.
 */
@RestController
@RequestMapping("/scim/v2")
@PreAuthorize(Permission.Checks.DIRECTORY_PROVISION)
@Hidden
class ScimController {

    private static final MediaType SCIM = MediaType.parseMediaType(ScimJson.MEDIA_TYPE);

    private final ScimUserResources users;
    private final ScimGroupResources groups;

    ScimController(ScimUserResources users, ScimGroupResources groups) {
        this.users = users;
        this.groups = groups;
    }

    @GetMapping("/Users")
    ResponseEntity<String> listUsers(@RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes) {
        Filter parsed = ScimListing.parse(filter);
        String userName = ScimListing.equalityOn(parsed, "userName");
        List<ObjectNode> matching = userName != null ? users.byUserName(userName).stream().toList()
                : ScimListing.matching(users.all(), parsed);
        return answer(HttpStatus.OK, ScimListing.page(matching, startIndex, count, attributes, excludedAttributes));
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<String> user(@PathVariable String id, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return resource(users.get(id), attributes, excludedAttributes, ifNoneMatch);
    }

    @PostMapping("/Users")
    ResponseEntity<String> createUser(@RequestBody(required = false) byte[] body) {
        return created(users.create(ScimJson.parseObject(body)));
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<String> replaceUser(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return versioned(users.replace(id, ScimJson.parseObject(body), ifMatch));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<String> patchUser(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return versioned(users.patch(id, ScimJson.parseObject(body), ifMatch));
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        users.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/Groups")
    ResponseEntity<String> listGroups(@RequestParam(required = false) String filter,
            @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
            @RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes) {
        Filter parsed = ScimListing.parse(filter);
        boolean withMembers = excludedAttributes == null || !excludedAttributes.toLowerCase(java.util.Locale.ROOT)
                .contains("members");
        List<ObjectNode> matching = ScimListing.matching(groups.all(withMembers), parsed);
        return answer(HttpStatus.OK, ScimListing.page(matching, startIndex, count, attributes, excludedAttributes));
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<String> group(@PathVariable String id, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return resource(groups.get(id), attributes, excludedAttributes, ifNoneMatch);
    }

    @PostMapping("/Groups")
    ResponseEntity<String> createGroup(@RequestBody(required = false) byte[] body) {
        return created(groups.create(ScimJson.parseObject(body)));
    }

    @PutMapping("/Groups/{id}")
    ResponseEntity<String> replaceGroup(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return versioned(groups.replace(id, ScimJson.parseObject(body), ifMatch));
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<String> patchGroup(@PathVariable String id, @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return versioned(groups.patch(id, ScimJson.parseObject(body), ifMatch));
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(@PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        groups.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        return answer(HttpStatus.OK, document("service-provider-config.json"));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        return answer(HttpStatus.OK, list((ArrayNode) document("resource-types.json")));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<String> resourceType(@PathVariable String id) {
        return answer(HttpStatus.OK, find((ArrayNode) document("resource-types.json"), id, "ResourceType"));
    }

    @GetMapping("/Schemas")
    ResponseEntity<String> schemas() {
        return answer(HttpStatus.OK, list((ArrayNode) document("schemas.json")));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<String> schema(@PathVariable String id) {
        return answer(HttpStatus.OK, find((ArrayNode) document("schemas.json"), id, "Schema"));
    }

    @ExceptionHandler(ScimProblem.class)
    ResponseEntity<String> refused(ScimProblem problem) {
        ObjectNode error = ScimJson.MAPPER.createObjectNode();
        error.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        error.put("status", String.valueOf(problem.status()));
        if (problem.scimType() != null) {
            error.put("scimType", problem.scimType());
        }
        error.put("detail", problem.getMessage());
        return answer(HttpStatus.valueOf(problem.status()), error);
    }

    private ResponseEntity<String> resource(ObjectNode resource, String attributes, String excluded, String ifNoneMatch) {
        String version = resource.path("meta").path("version").asText();
        if (ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals(version) || tag.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(version).build();
        }
        return ResponseEntity.ok().contentType(SCIM).eTag(version)
                .body(ScimJson.write(ScimListing.project(resource, attributes, excluded)));
    }

    private static ResponseEntity<String> created(ObjectNode resource) {
        return ResponseEntity.status(HttpStatus.CREATED).contentType(SCIM)
                .eTag(resource.path("meta").path("version").asText())
                .header(HttpHeaders.LOCATION, resource.path("meta").path("location").asText())
                .body(ScimJson.write(resource));
    }

    private static ResponseEntity<String> versioned(ObjectNode resource) {
        return ResponseEntity.ok().contentType(SCIM).eTag(resource.path("meta").path("version").asText())
                .body(ScimJson.write(resource));
    }

    private static ResponseEntity<String> answer(HttpStatus status, JsonNode body) {
        return ResponseEntity.status(status).contentType(SCIM).body(ScimJson.write(body));
    }

    private static ObjectNode list(ArrayNode resources) {
        return ScimListing.page(java.util.stream.StreamSupport.stream(resources.spliterator(), false)
                .map(ObjectNode.class::cast).toList(), 1, ScimListing.MAX_COUNT, null, null);
    }

    private static ObjectNode find(ArrayNode resources, String id, String kind) {
        for (JsonNode resource : resources) {
            if (id.equals(resource.path("id").asText())) {
                return (ObjectNode) resource;
            }
        }
        throw ScimProblem.notFound(kind, id);
    }

    private static JsonNode document(String name) {
        try (InputStream in = new ClassPathResource("people/scim/" + name).getInputStream()) {
            return ScimJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("SCIM document " + name + " is missing", e);
        }
    }
}
