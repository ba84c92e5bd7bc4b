package dev.pitwall.platform.security;

import static dev.pitwall.platform.security.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's role. The permissions of each role are the single source of the role rules enforced
 * in both the UI and the API (see docs/security.md for the matrix).
 */
public enum Role {
    /** Runs the installation: everything, including users and the audit log. */
    ADMIN("Administrator", EnumSet.allOf(Permission.class)),
    /** Sees the whole organization and the audit trail; changes nothing, but makes board packs and subscribes to them. */
    EXECUTIVE("Executive", EnumSet.of(DIRECTORY_READ, PORTFOLIO_READ, TELEMETRY_READ, AUDIT_READ, BOARD_PUBLISH,
            ACCOUNT_MANAGE)),
    /** Owns workflows: maintains the operating model of the portfolio and how usage maps to it. */
    OWNER("Workflow owner", EnumSet.of(DIRECTORY_READ, PORTFOLIO_READ, PORTFOLIO_WRITE, TELEMETRY_READ, PEOPLE_IDENTIFY,
            TELEMETRY_MANAGE, MEASUREMENT_WRITE, GOVERNANCE_WRITE, MONITORS_MANAGE, INCIDENTS_RESPOND, REVIEWS_RECORD,
            NOTIFICATIONS_MANAGE, REVIEW_SUBMIT, REVIEW_DECIDE, BOARD_PUBLISH, ACCOUNT_MANAGE)),
    /** Keeps the people directory and its data feeds current (HR, L&D, data stewards). */
    CONTRIBUTOR("Contributor", EnumSet.of(DIRECTORY_READ, DIRECTORY_WRITE, PORTFOLIO_READ, TELEMETRY_READ, PEOPLE_IDENTIFY,
            TELEMETRY_INGEST, MEASUREMENT_WRITE, GOVERNANCE_WRITE, INCIDENTS_RESPOND, REVIEW_SUBMIT, REVIEW_DECIDE,
            ACCOUNT_MANAGE)),
    /** Reads what everyone may read; not individual usage events. */
    VIEWER("Viewer", EnumSet.of(DIRECTORY_READ, PORTFOLIO_READ, ACCOUNT_MANAGE));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /**
     * The permissions of this role with {@code people:identify} as the installation grants it
     * (pitwall.privacy.identify-roles): the role's own set holds it for the default roles.
     */
    public Set<Permission> permissions(Set<Role> identifyRoles) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(permissions);
        if (identifyRoles.contains(this)) {
            granted.add(PEOPLE_IDENTIFY);
        } else {
            granted.remove(PEOPLE_IDENTIFY);
        }
        return granted;
    }

    /** The permissions of this role that a token with the given scopes may exercise. */
    public Set<Permission> permissionsWithin(Set<ApiScope> scopes) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        permissions.stream().filter(p -> scopes.contains(p.scope())).forEach(granted::add);
        return granted;
    }

    /** As {@link #permissionsWithin(Set)}, with {@code people:identify} as the installation grants it. */
    public Set<Permission> permissionsWithin(Set<ApiScope> scopes, Set<Role> identifyRoles) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        permissions(identifyRoles).stream().filter(p -> scopes.contains(p.scope())).forEach(granted::add);
        return granted;
    }
}
