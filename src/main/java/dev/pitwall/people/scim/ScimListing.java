package dev.pitwall.people.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Listing resources (RFC 7644 §3.4.2): a filter in the SCIM grammar (the SDK parses and evaluates
 * it: {@code eq}, {@code co}, {@code sw}, {@code and}, and the rest of the RFC's operators),
 * 1-based {@code startIndex}, {@code count} up to 500, and {@code attributes} or
 * {@code excludedAttributes} to choose top-level attributes.
 */
final class ScimListing {

    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 500;
    private static final Set<String> ALWAYS = Set.of("id", "schemas", "meta");

    private ScimListing() {
    }

    static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return Filter.fromString(filter);
        } catch (ScimException e) {
            throw ScimProblem.invalidFilter("filter: " + e.getMessage());
        }
    }

    /** The value of a filter {@code <attribute> eq "<text>"}, which a lookup can answer without a scan. */
    static String equalityOn(Filter filter, String attribute) {
        if (filter instanceof EqualFilter equal && equal.getAttributePath().toString().equalsIgnoreCase(attribute)
                && equal.getComparisonValue() != null && equal.getComparisonValue().isTextual()) {
            return equal.getComparisonValue().asText();
        }
        return null;
    }

    static List<ObjectNode> matching(List<ObjectNode> resources, Filter filter) {
        if (filter == null) {
            return resources;
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode resource : resources) {
            try {
                if (FilterEvaluator.evaluate(filter, resource)) {
                    matching.add(resource);
                }
            } catch (ScimException e) {
                throw ScimProblem.invalidFilter("filter: " + e.getMessage());
            }
        }
        return matching;
    }

    static ObjectNode page(List<ObjectNode> matching, Integer startIndex, Integer count, String attributes,
            String excludedAttributes) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        List<ObjectNode> page = matching.stream().skip(start - 1L).limit(size).toList();
        ObjectNode list = ScimJson.MAPPER.createObjectNode();
        list.putArray("schemas").add(LIST_RESPONSE);
        list.put("totalResults", matching.size());
        list.put("startIndex", start);
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(r -> resources.add(project(r, attributes, excludedAttributes)));
        return list;
    }

    /** Only the asked-for top-level attributes (id, schemas and meta always), or all but the excluded. */
    static ObjectNode project(ObjectNode resource, String attributes, String excludedAttributes) {
        if (attributes != null && !attributes.isBlank()) {
            Set<String> keep = names(attributes);
            ObjectNode projected = resource.deepCopy();
            List<String> fields = new ArrayList<>();
            projected.fieldNames().forEachRemaining(fields::add);
            fields.stream().filter(f -> !ALWAYS.contains(f) && !keep.contains(f.toLowerCase(Locale.ROOT)))
                    .forEach(projected::remove);
            return projected;
        }
        if (excludedAttributes != null && !excludedAttributes.isBlank()) {
            Set<String> drop = names(excludedAttributes);
            ObjectNode projected = resource.deepCopy();
            List<String> fields = new ArrayList<>();
            projected.fieldNames().forEachRemaining(fields::add);
            fields.stream().filter(f -> !ALWAYS.contains(f) && drop.contains(f.toLowerCase(Locale.ROOT)))
                    .forEach(projected::remove);
            return projected;
        }
        return resource;
    }

    /** Top-level names of a comma-separated list (a sub-attribute counts as its parent). */
    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("urn:") ? s : s.split("\\.")[0])
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
