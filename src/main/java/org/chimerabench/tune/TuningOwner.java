package org.chimerabench.tune;

import java.util.function.Supplier;
import org.chimerabench.base.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A tuning's background steps act as the operator who asked for it: its stage sweeps are theirs (they may open,
 * cancel and delete them), and the sweep services' role checks see an operator. The role was checked when the tuning
 * was created ({@link TuningService#create}).
 */
final class TuningOwner {

    private TuningOwner() {
    }

    static <T> T asOwner(String owner, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner == null ? "tuning" : owner,
                null, AuthorityUtils.createAuthorityList(Role.OPERATOR.authorities())));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
