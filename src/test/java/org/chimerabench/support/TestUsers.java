package org.chimerabench.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The first start's administrator in tests (src/test/resources/config/application.properties). */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestUsers() {
    }

    /** The {@code Authorization} header value of HTTP Basic for a user. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP Basic as the first start's administrator. */
    public static String adminBasic() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }
}
