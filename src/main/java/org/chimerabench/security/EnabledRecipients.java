package org.chimerabench.security;

import org.chimerabench.notify.Recipients;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Only enabled users get the team's e-mail ({@link Recipients}). */
@Component
class EnabledRecipients implements Recipients {

    private final UserRepository users;

    EnabledRecipients(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayReceive(String username) {
        return users.findByUsername(username).map(AppUser::isEnabled).orElse(false);
    }
}
