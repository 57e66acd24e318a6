package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.chimerabench.support.AdminHttp;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database written by the version of a week ago (commit ba86f87: its V1 text, before a comment in it was edited)
 * opens with today's version — it failed with "Migration checksum mismatch for migration version 1" — is migrated to
 * today's schema, and gives every sweep's analysis unchanged. On H2; again on PostgreSQL in the PostgreSQL pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpgradeFromBa86f87Test {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void theOldDatabase(DynamicPropertyRegistry registry) throws Exception {
        UpgradeFixture.empty().writtenAtBa86f87().register(registry);
    }

    @Test
    void everySweepOfTheOldDatabaseHasTheAnalysisItHadAndTheFirstAdminLogsIn() throws Exception {
        AdminHttp admin = new AdminHttp("http://127.0.0.1:" + port);
        assertThat(admin.status("/api/sweeps")).as("a database without users gets its first admin").isEqualTo(200);
        UpgradeAnalyses.assertUnchanged(admin);
        assertThat(new AdminHttp("http://127.0.0.1:" + port, TestUsers.basic("admin", "wrong password"))
                .status("/api/sweeps")).isEqualTo(401);
    }
}
