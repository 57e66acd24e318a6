package org.chimerabench.security;

import java.time.OffsetDateTime;
import org.chimerabench.base.Role;

/** A user as lists and the REST API show them (never the password hash). */
public record UserView(long id, String username, Role role, boolean enabled, OffsetDateTime createdAt) {

    static UserView of(AppUser user) {
        return new UserView(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), user.getCreatedAt());
    }
}
