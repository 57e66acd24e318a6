package org.chimerabench.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * First start (no user in the database): creates the user {@code admin} with the password of
 * {@code chimera.security.bootstrap-admin-password}, or — when that is unset — a random one, printed once in the
 * log. The password is stored hashed only. Runs before the web server accepts requests, so the first request can
 * log in.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final String configured;

    AdminBootstrap(UserService users, @Value("${chimera.security.bootstrap-admin-password:}") String configured) {
        this.users = users;
        this.configured = configured;
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        boolean created;
        try {
            created = users.createFirstAdmin(password);
        } catch (IllegalArgumentException refused) { // checked like any password; nothing was stored
            throw new org.chimerabench.base.startup.StartupProblem("chimera.security.bootstrap-admin-password is"
                    + " refused: " + refused.getMessage(), "Set a password of 10 characters to 72 bytes, or leave it"
                    + " unset for a generated one");
        }
        if (!created) {
            return;
        }
        if (generated) {
            log.warn("\n\n    First start: created the user 'admin' with the generated password  {}\n"
                    + "    Log in at /login and change it (or set chimera.security.bootstrap-admin-password before"
                    + " the first start). It is not shown again.\n", password);
        } else {
            log.info("First start: created the user 'admin' with the password of"
                    + " chimera.security.bootstrap-admin-password");
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
