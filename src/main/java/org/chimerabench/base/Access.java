package org.chimerabench.base;



/**
 * The role rules of the services, as Spring Security expressions for {@code @PreAuthorize} (plain strings, so
 * this package imports no framework; an annotation takes only constants, so the names of {@link Role} are spelled out
 * here and in {@code @RolesAllowed}). Roles nest: an ADMIN may do what an OPERATOR may, an OPERATOR what a VIEWER
 * may (the hierarchy is declared once, in the security feature).
 */
public final class Access {

    /** Create, duplicate, start, cancel and delete own sweeps; import; load the example; create share links. */
    public static final String OPERATOR = "hasRole('OPERATOR')";
    /** Users, endpoints, settings, audit; delete any sweep. */
    public static final String ADMIN = "hasRole('ADMIN')";
    /** Anyone logged in. */
    public static final String SIGNED_IN = "isAuthenticated()";

    private Access() {
    }
}
