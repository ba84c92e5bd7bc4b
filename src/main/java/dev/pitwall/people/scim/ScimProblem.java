package dev.pitwall.people.scim;

/**
 * A SCIM request refused, answered as a SCIM error (RFC 7644 §3.12): the HTTP status, the
 * {@code scimType} where the RFC defines one, and a detail naming the attribute or the place in
 * the body that is wrong.
 */
class ScimProblem extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimProblem(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }

    static ScimProblem invalidValue(String attribute, String reason) {
        return new ScimProblem(400, "invalidValue", attribute + ": " + reason);
    }

    static ScimProblem invalidSyntax(String detail) {
        return new ScimProblem(400, "invalidSyntax", detail);
    }

    static ScimProblem invalidFilter(String detail) {
        return new ScimProblem(400, "invalidFilter", detail);
    }

    static ScimProblem uniqueness(String detail) {
        return new ScimProblem(409, "uniqueness", detail);
    }

    static ScimProblem notFound(String resourceType, String id) {
        return new ScimProblem(404, null, resourceType + " " + id + " not found");
    }

    static ScimProblem preconditionFailed(String detail) {
        return new ScimProblem(412, null, detail);
    }

    /** From the SDK's exception, keeping its status and scimType. */
    static ScimProblem of(com.unboundid.scim2.common.exceptions.ScimException e) {
        var error = e.getScimError();
        return new ScimProblem(error.getStatus(), error.getScimType(), error.getDetail() == null ? e.getMessage()
                : error.getDetail());
    }
}
