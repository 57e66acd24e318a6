package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.chimerabench.support.AdminHttp;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database of the first public migration set with users (V5) and share links (V8) — users, a share link, the
 * sweeps and calls of ba86f87, stored through that schema's SQL — opens with today's version: the analyses are
 * unchanged, the users log in with their passwords, the link opens without login, and no second admin is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpgradeFromV8Test {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void theOldDatabase(DynamicPropertyRegistry registry) throws Exception {
        UpgradeFixture.empty().writtenAtV8WithUsersAndAShareLink().register(registry);
    }

    @Test
    void usersLogInLinksOpenAndEveryAnalysisIsUnchanged() throws Exception {
        String base = "http://127.0.0.1:" + port;
        AdminHttp admin = new AdminHttp(base, TestUsers.basic(UpgradeFixture.ADMIN, UpgradeFixture.USER_PASSWORD));
        AdminHttp viewer = new AdminHttp(base, TestUsers.basic(UpgradeFixture.USER, UpgradeFixture.USER_PASSWORD));
        assertThat(viewer.status("/api/sweeps")).as("the viewer's password of last week").isEqualTo(200);
        assertThat(admin.status("/api/users")).as("the admin's").isEqualTo(200);
        assertThat(new AdminHttp(base).status("/api/sweeps")).as("no bootstrap admin beside the team's").isEqualTo(401);
        List<String> users = new ArrayList<>();
        for (JsonNode user : admin.get("/api/users")) {
            users.add(user.get("username").asText() + " " + user.get("role").asText());
        }
        assertThat(users).containsExactlyInAnyOrder(UpgradeFixture.USER + " VIEWER", UpgradeFixture.ADMIN + " ADMIN");

        assertThat(viewer.anonymousStatus("/shared/" + UpgradeFixture.SHARE_TOKEN)).as("the share link opens")
                .isEqualTo(200);
        assertThat(viewer.anonymousStatus("/shared/" + UpgradeFixture.SHARE_TOKEN.replace('q', 'r')))
                .as("and only it").isEqualTo(404);
        UpgradeAnalyses.assertUnchanged(viewer);
    }
}
