package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The first start's configured admin password follows the password rules (own database: it empties the users). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bootstrap-rules-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
class BootstrapPasswordRulesTest {

    @Autowired
    JdbcTemplate jdbc;

    /** Issue 25: a configured first password is checked like any other, before anything is stored. */
    @Test
    void aConfiguredFirstPasswordOutsideTheRulesStopsTheStartWithOneLine(
            @Autowired UserService users) throws Exception {
        jdbc.update("DELETE FROM audit_event");
        jdbc.update("DELETE FROM api_token");
        jdbc.update("DELETE FROM share_link");
        jdbc.update("DELETE FROM app_user");
        for (String password : new String[] {"short", "p".repeat(73)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AdminBootstrap(users, password)
                    .afterSingletonsInstantiated())
                    .isInstanceOf(org.chimerabench.base.startup.StartupProblem.class)
                    .hasMessageContaining("chimera.security.bootstrap-admin-password is refused: a password has");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).as("nothing stored").isZero();
        }
        new AdminBootstrap(users, "a-fine-first-password").afterSingletonsInstantiated();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isEqualTo(1);
    }
}
