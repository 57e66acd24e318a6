package org.chimerabench.base;



/** What the audit log records. */
public enum AuditAction {
    LOGIN("Logged in"), LOGIN_FAILED("Login failed"),
    SWEEP_CREATED("Created a sweep"), SWEEP_STARTED("Started a sweep"), SWEEP_CANCELLED("Cancelled a sweep"),
    SWEEP_DELETED("Deleted a sweep"),
    MARGIN_CHANGED("Changed a sweep's equivalence margin"), IMPORTED("Imported results"), EXAMPLE_LOADED("Loaded the example"),
    ENDPOINT_ADDED("Added an endpoint"), ENDPOINT_CHANGED("Changed an endpoint"),
    ENDPOINT_REMOVED("Removed an endpoint"), USER_CREATED("Created a user"), USER_CHANGED("Changed a user"),
    PASSWORD_CHANGED("Changed own password"), TOKEN_CREATED("Created an API token"),
    TOKEN_REVOKED("Revoked an API token"), SHARED("Created a share link"), SHARE_REVOKED("Revoked a share link"),
    BACKED_UP("Backed up the database"), HOOK_ADDED("Added a webhook"), HOOK_REMOVED("Removed a webhook"),
    WATCH_CREATED("Watched a setting"), WATCH_DELETED("Stopped watching a setting"),
    WATCH_CHECKED("Asked for a watch's check"),
    SUBSCRIPTIONS_CHANGED("Changed own e-mail subscriptions");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
