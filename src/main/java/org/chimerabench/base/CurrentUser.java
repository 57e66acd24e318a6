package org.chimerabench.base;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Who is signed in on this thread, for services that record an owner or compare one. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in user's name; empty on background threads and for anonymous callers. */
    public static Optional<String> name(SecurityContextHolderStrategy strategy) {
        return authentication(strategy).map(Authentication::getName);
    }

    /** Whether the signed-in user has the ADMIN role. */
    public static boolean isAdmin(SecurityContextHolderStrategy strategy) {
        return authentication(strategy).stream().flatMap(a -> a.getAuthorities().stream())
                .anyMatch(authority -> authority.getAuthority().equals(Role.ADMIN.authority()));
    }

    /** Whether the signed-in user is {@code owner} (null: nobody's) or an admin: who may act on a thing they own. */
    public static boolean isOwnerOrAdmin(String owner, SecurityContextHolderStrategy strategy) {
        return isAdmin(strategy) || (owner != null && name(strategy).filter(owner::equals).isPresent());
    }

    private static Optional<Authentication> authentication(SecurityContextHolderStrategy strategy) {
        SecurityContextHolderStrategy holder = strategy == null ? SecurityContextHolder.getContextHolderStrategy()
                : strategy;
        Authentication authentication = holder.getContext().getAuthentication();
        return Optional.ofNullable(authentication).filter(Authentication::isAuthenticated)
                .filter(a -> !"anonymousUser".equals(a.getName()));
    }
}
