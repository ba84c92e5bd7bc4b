package dev.pitwall.platform.security;

/**
 * A permission is one granted authority; controllers and services check it with
 * {@code @PreAuthorize(Permission.Checks.X)}. Each permission belongs to the API scope a token
 * needs to exercise it.
 */
public enum Permission {
    DIRECTORY_READ("directory:read", ApiScope.READ),
    DIRECTORY_WRITE("directory:write", ApiScope.WRITE),
    DIRECTORY_PROVISION("directory:provision", ApiScope.WRITE),
    PORTFOLIO_READ("portfolio:read", ApiScope.READ),
    PORTFOLIO_WRITE("portfolio:write", ApiScope.WRITE),
    TELEMETRY_READ("telemetry:read", ApiScope.READ),
    PEOPLE_IDENTIFY("people:identify", ApiScope.READ),
    TELEMETRY_INGEST("telemetry:ingest", ApiScope.INGEST),
    TELEMETRY_MANAGE("telemetry:manage", ApiScope.WRITE),
    MEASUREMENT_WRITE("measurement:write", ApiScope.WRITE),
    GOVERNANCE_WRITE("governance:write", ApiScope.WRITE),
    AUDIT_READ("audit:read", ApiScope.READ),
    OPERATIONS_READ("operations:read", ApiScope.READ),
    MONITORS_MANAGE("monitors:manage", ApiScope.WRITE),
    INCIDENTS_RESPOND("incidents:respond", ApiScope.WRITE),
    REVIEWS_RECORD("reviews:record", ApiScope.WRITE),
    NOTIFICATIONS_MANAGE("notifications:manage", ApiScope.WRITE),
    REVIEW_SUBMIT("review:submit", ApiScope.REVIEW),
    REVIEW_DECIDE("review:decide", ApiScope.WRITE),
    BOARD_PUBLISH("board:publish", ApiScope.WRITE),
    USERS_MANAGE("users:manage", ApiScope.ADMIN),
    ACCOUNT_MANAGE("account:manage", ApiScope.ADMIN),
    SETTINGS_MANAGE("settings:manage", ApiScope.ADMIN),
    PRIVACY_MANAGE("privacy:manage", ApiScope.ADMIN);

    private final String authority;
    private final ApiScope scope;

    Permission(String authority, ApiScope scope) {
        this.authority = authority;
        this.scope = scope;
    }

    public String authority() {
        return authority;
    }

    public ApiScope scope() {
        return scope;
    }

    /** SpEL expressions for {@code @PreAuthorize}, so annotations name a constant, not a string. */
    public static final class Checks {
        public static final String DIRECTORY_READ = "hasAuthority('directory:read')";
        public static final String DIRECTORY_WRITE = "hasAuthority('directory:write')";
        /**
         * Provision people and teams over SCIM from the identity provider; deactivating a person
         * there also disables their Pitwall user.
         */
        public static final String DIRECTORY_PROVISION = "hasAuthority('directory:provision')";
        public static final String PORTFOLIO_READ = "hasAuthority('portfolio:read')";
        public static final String PORTFOLIO_WRITE = "hasAuthority('portfolio:write')";
        public static final String TELEMETRY_READ = "hasAuthority('telemetry:read')";
        /**
         * See usage data of named people (drill-downs, usage events); granted to the roles of
         * {@code pitwall.privacy.identify-roles}; every such view is audited.
         */
        public static final String PEOPLE_IDENTIFY = "hasAuthority('people:identify')";
        public static final String TELEMETRY_INGEST = "hasAuthority('telemetry:ingest')";
        public static final String TELEMETRY_MANAGE = "hasAuthority('telemetry:manage')";
        public static final String MEASUREMENT_WRITE = "hasAuthority('measurement:write')";
        /** Deployments arrive from CI with an ingest token, or are entered by people who record measurements. */
        public static final String DEPLOYMENT_RECORD = "hasAnyAuthority('telemetry:ingest', 'measurement:write')";
        /** Control status, owners, review dates and evidence of workflows. */
        public static final String GOVERNANCE_WRITE = "hasAuthority('governance:write')";
        public static final String AUDIT_READ = "hasAuthority('audit:read')";
        /** Create, change and delete monitors. */
        public static final String MONITORS_MANAGE = "hasAuthority('monitors:manage')";
        /** Open incidents, comment, acknowledge, escalate, mitigate and resolve them. */
        public static final String INCIDENTS_RESPOND = "hasAuthority('incidents:respond')";
        /** Record operating reviews of workflows, with their decisions and actions. */
        public static final String REVIEWS_RECORD = "hasAuthority('reviews:record')";
        /** Subscriptions to notifications, their deliveries and dead letters. */
        public static final String NOTIFICATIONS_MANAGE = "hasAuthority('notifications:manage')";
        /** Submit review items and poll them (AI systems, with a token of the review scope). */
        public static final String REVIEW_SUBMIT = "hasAuthority('review:submit')";
        /** Decide review items; the holder check decides which. */
        public static final String REVIEW_DECIDE = "hasAuthority('review:decide')";
        /** Make board packs (and subscribe to them). */
        public static final String BOARD_PUBLISH = "hasAuthority('board:publish')";
        public static final String USERS_MANAGE = "hasAuthority('users:manage')";
        public static final String ACCOUNT_MANAGE = "hasAuthority('account:manage')";
        /** Erase a person's personal data, and export everything held about them (access request). */
        public static final String PRIVACY_MANAGE = "hasAuthority('privacy:manage')";
        /** The organization's name and currency. */
        public static final String SETTINGS_MANAGE = "hasAuthority('settings:manage')";

        private Checks() {
        }
    }
}
