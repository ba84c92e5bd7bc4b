package dev.pitwall.people.scim;

import static dev.pitwall.people.scim.ScimJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The attributes of a SCIM User that Pitwall keeps, read from a full resource (a POST or PUT body,
 * or the resource after a PATCH was applied). Enterprise attributes are read from the enterprise
 * extension, or, as Entra ID sometimes sends them, from the top level.
 */
record ScimUserAttributes(String userName, String externalId, String email, String displayName, String givenName,
        String familyName, String title, boolean active, String employeeNumber, String department, String managerId) {

    static ScimUserAttributes read(ObjectNode resource) {
        String userName = text(resource, "userName");
        if (userName == null) {
            throw ScimProblem.invalidValue("userName", "is required");
        }
        if (userName.length() > 320) {
            throw ScimProblem.invalidValue("userName", "is longer than 320 characters");
        }
        JsonNode name = resource.get("name");
        JsonNode enterprise = resource.get(ScimQuirks.ENTERPRISE);
        JsonNode active = resource.get("active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            throw ScimProblem.invalidValue("active", "must be true or false");
        }
        String formatted = text(name, "formatted");
        limit("externalId", text(resource, "externalId"));
        limit("name.givenName", text(name, "givenName"));
        limit("name.familyName", text(name, "familyName"));
        limit("department", enterprise(enterprise, resource, "department"));
        String displayName = text(resource, "displayName");
        return new ScimUserAttributes(userName, text(resource, "externalId"), email(resource),
                displayName != null ? displayName : formatted, text(name, "givenName"), text(name, "familyName"),
                text(resource, "title"), active == null || active.isNull() || active.asBoolean(),
                enterprise(enterprise, resource, "employeeNumber"), enterprise(enterprise, resource, "department"),
                manager(enterprise, resource));
    }

    /** What the directory keeps of these attributes: at most 200 characters. */
    private static void limit(String attribute, String value) {
        if (value != null && value.length() > 200) {
            throw ScimProblem.invalidValue(attribute, "is longer than 200 characters");
        }
    }

    /** The person's name: display name, else given and family name, else the user name. */
    String personName() {
        if (displayName != null) {
            return displayName;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return joined.isEmpty() ? userName : joined;
    }

    /** The email: the given one, else the user name when it is an address. */
    String personEmail() {
        if (email != null) {
            return email;
        }
        if (userName.contains("@")) {
            return userName;
        }
        throw ScimProblem.invalidValue("emails", "a person needs an email address (none given, and userName is none)");
    }

    /** The primary email, else the work one, else the first. */
    private static String email(ObjectNode resource) {
        JsonNode emails = resource.get("emails");
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimProblem.invalidValue("emails", "must be a list");
        }
        JsonNode chosen = null;
        for (JsonNode email : emails) {
            JsonNode primary = email.get("primary");
            if (primary != null && (primary.asBoolean() || "true".equalsIgnoreCase(primary.asText()))) {
                chosen = email;
                break;
            }
            if (chosen == null || "work".equalsIgnoreCase(text(email, "type")) && !"work".equalsIgnoreCase(text(chosen, "type"))) {
                chosen = email;
            }
        }
        return chosen == null ? null : text(chosen, "value");
    }

    private static String enterprise(JsonNode enterprise, ObjectNode resource, String field) {
        String value = text(enterprise, field);
        return value != null ? value : text(resource, field);
    }

    private static String manager(JsonNode enterprise, ObjectNode resource) {
        JsonNode manager = enterprise == null ? null : enterprise.get("manager");
        if (manager == null || manager.isNull()) {
            manager = resource.get("manager");
        }
        if (manager == null || manager.isNull()) {
            return null;
        }
        if (manager.isArray()) {
            manager = manager.isEmpty() ? null : manager.get(0);
        }
        if (manager == null) {
            return null;
        }
        if (manager.isValueNode()) {
            return manager.asText().isBlank() ? null : manager.asText().trim();
        }
        return text(manager, "value");
    }
}
