package org.chimerabench.security;

import java.util.function.Supplier;
import org.chimerabench.base.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Background work done for a person — a tuning's steps, a watch's checks — acts as that operator, with the role they
 * have now: the sweeps it creates are theirs (they may open, cancel and delete them), and the sweep services' role
 * checks see that role. An owner who is gone, disabled or no longer an operator stops that work ({@link #mayRun}).
 */
public final class ActingOwner {

    private ActingOwner() {
    }

    /** Whether the user may still have work run for them: present, enabled, an operator or an admin. */
    public static boolean mayRun(UserView owner) {
        return owner.enabled() && owner.role().ordinal() >= Role.OPERATOR.ordinal();
    }

    /**
     * Runs {@code work} signed in as the owner, on the app's own security-context strategy ({@code holder}; null =
     * the global one): several app contexts in one JVM (tests) each have their own, and the role checks read it.
     */
    public static <T> T asOwner(UserView owner, SecurityContextHolderStrategy holder, Supplier<T> work) {
        SecurityContextHolderStrategy strategy = holder != null ? holder
                : SecurityContextHolder.getContextHolderStrategy();
        SecurityContext previous = strategy.getContext();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.username(), null,
                AuthorityUtils.createAuthorityList(owner.role().authorities())));
        strategy.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.setContext(previous);
        }
    }
}
