package org.chimerabench.tune;

import java.util.function.Supplier;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserView;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A tuning's background steps act as the operator who asked for it, with the role they have now: its stage sweeps are
 * theirs (they may open, cancel and delete them), and the sweep services' role checks see that role. An owner who is
 * gone, disabled or no longer an operator stops their tunings ({@link #mayRun}).
 */
final class TuningOwner {

    private TuningOwner() {
    }

    /** Whether the user may still run a tuning: present, enabled, an operator or an admin. */
    static boolean mayRun(UserView owner) {
        return owner.enabled() && owner.role().ordinal() >= Role.OPERATOR.ordinal();
    }

    /**
     * Runs {@code work} signed in as the owner, on the app's own security-context strategy ({@code holder}; null =
     * the global one): several app contexts in one JVM (tests) each have their own, and the role checks read it.
     */
    static <T> T asOwner(UserView owner, SecurityContextHolderStrategy holder, Supplier<T> work) {
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
