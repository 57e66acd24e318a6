package org.chimerabench.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password logins (the login page and HTTP Basic) against the users in the database, refused while the user
 * name from that address, or the address, has had too many failures ({@link LoginThrottle}).
 */
@Component
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;
    private final ClientAddress addresses;

    ThrottledAuthenticationProvider(UserService users, PasswordEncoder passwords, LoginThrottle throttle,
                                    ClientAddress addresses) {
        super(passwords);
        setUserDetailsService(users);
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request
                ? addresses.of(request.getRequest()) : authentication.getDetails() instanceof WebAuthenticationDetails
                details ? details.getRemoteAddress() : null;
        if (throttle.blocked(username, address)) {
            throw new LockedException("Too many failed logins; wait a minute and try again");
        }
        try {
            return super.authenticate(authentication);
        } catch (BadCredentialsException | DisabledException e) {
            throttle.failed(username, address);
            throw e;
        }
    }
}
