package org.chimerabench.base;

import java.util.Arrays;

/** What a user may do. Roles nest: ADMIN includes OPERATOR, OPERATOR includes VIEWER. */
public enum Role {
    VIEWER("Viewer: reads everything, exports, compares"),
    OPERATOR("Operator: also creates, starts, cancels and deletes own sweeps, imports, shares"),
    ADMIN("Administrator: also users, endpoints, settings and the audit log");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    /** How a person reads the role: Viewer, Operator, Administrator. */
    public String label() {
        return description.substring(0, description.indexOf(':'));
    }

    public String description() {
        return description;
    }

    /** The granted authority, {@code ROLE_…}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of the roles it includes (an ADMIN is also an OPERATOR and a VIEWER). */
    public String[] authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::authority)
                .toArray(String[]::new);
    }
}
