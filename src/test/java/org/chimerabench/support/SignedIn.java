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
        SecurityContextHolderStrategy strategy = context.getBean(SecurityContextHolderStrategy.class);
        SecurityContext before = strategy.getContext();
        SecurityContext admin = strategy.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER")));
        strategy.setContext(admin);
        try {
            return work.get();
        } finally {
            strategy.setContext(before);
        }
    }
}
