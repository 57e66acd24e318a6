package org.chimerabench.support;

import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs test set-up as a signed-in administrator where no {@code @AsAdmin} applies (e.g. in {@code @BeforeAll}),
 * through the security-context strategy the app's method security uses.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T asAdmin(ApplicationContext context, Supplier<T> work) {
        return as(context, "admin", work, "ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER");
    }

    /** Runs as whoever is signed in, or as an administrator when nobody is. */
    public static <T> T asCurrentOrAdmin(ApplicationContext context, Supplier<T> work) {
        if (context.getBean(SecurityContextHolderStrategy.class).getContext().getAuthentication() != null) {
            return work.get();
        }
        return asAdmin(context, work);
    }

    /** Runs as an operator of the given name. */
    public static <T> T asOperator(ApplicationContext context, String name, Supplier<T> work) {
        return as(context, name, work, "ROLE_OPERATOR", "ROLE_VIEWER");
    }

    private static <T> T as(ApplicationContext context, String name, Supplier<T> work, String... authorities) {
        SecurityContextHolderStrategy strategy = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContext before = strategy.getContext();
        SecurityContext admin = strategy.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList(authorities)));
        strategy.setContext(admin);
        try {
            return work.get();
        } finally {
            strategy.setContext(before);
        }
    }
}
