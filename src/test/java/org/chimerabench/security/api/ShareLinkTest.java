package org.chimerabench.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Share links over real HTTP: created by an operator, a 128-bit token stored hashed; the link opens the results
 * page without login; revoked, expired or unknown it answers 404. Own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareLinkTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLinkOpensOneSweepWithoutLoginUntilRevokedOrExpired() throws Exception {
        JsonNode example = json.readTree(send("POST", "/api/examples/chimeraforge", null, true).body());
        long rust = example.get("sweepIds").get(0).asLong();
        long python = example.get("sweepIds").get(1).asLong();

        HttpResponse<String> created = send("POST", "/api/sweeps/" + rust + "/shares", "{}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode link = json.readTree(created.body());
        String url = link.get("url").asText();
        assertThat(url).startsWith("/shared/");
        assertThat(link.get("expiresAt").isNull()).isTrue();
        String token = url.substring("/shared/".length());
        assertThat(Base64.getUrlDecoder().decode(token)).as("128 bits").hasSize(16);
        JsonNode second = json.readTree(send("POST", "/api/sweeps/" + rust + "/shares", "{\"expiresInDays\":7}", true)
                .body());
        assertThat(second.get("url").asText()).as("every link its own token").isNotEqualTo(url);
        assertThat(second.get("expiresAt").asText()).isNotBlank();
        List<String> stored = jdbc.queryForList("SELECT token_hash FROM share_link", String.class);
        assertThat(stored).hasSize(2).doesNotContain(token);

        HttpResponse<String> page = send("GET", url, null, false);
        assertThat(page.statusCode()).as("the page opens without login").isEqualTo(200);
        assertThat(page.body()).doesNotContain("vaadin-login-form");
        assertThat(send("GET", url + "/report", null, false).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/sweeps", null, false).statusCode()).as("no API without login").isEqualTo(401);
        assertThat(send("GET", "/shared/" + "A".repeat(22), null, false).statusCode()).as("unknown").isEqualTo(404);

        assertThat(send("POST", "/api/compare/shares?a=" + rust + "&b=" + python, null, true).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/compare/shares?a=" + rust + "&b=" + rust, null, true).statusCode())
                .as("a sweep with itself").isEqualTo(400);
        assertThat(send("POST", "/api/sweeps/999999/shares", null, true).statusCode()).isEqualTo(404);

        assertThat(send("DELETE", "/api/shares/" + link.get("id").asLong(), null, true).statusCode()).isEqualTo(204);
        assertThat(send("GET", url, null, false).statusCode()).as("revoked").isEqualTo(404);
        assertThat(send("GET", url + "/report", null, false).statusCode()).isEqualTo(404);

        String expiring = second.get("url").asText();
        assertThat(send("GET", expiring, null, false).statusCode()).isEqualTo(200);
        jdbc.update("UPDATE share_link SET expires_at = ? WHERE id = ?",
                java.time.OffsetDateTime.now().minusSeconds(1), second.get("id").asLong());
        assertThat(send("GET", expiring, null, false).statusCode()).as("expired").isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String body, boolean asAdmin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (asAdmin) {
            request.header("Authorization", TestUsers.adminBasic());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
