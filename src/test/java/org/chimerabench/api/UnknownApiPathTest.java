package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A path under /api/ that does not exist answers a JSON 404 — over real HTTP, where Vaadin serves every path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class UnknownApiPathTest {

    @LocalServerPort
    int port;

    @Test
    void unknownApiPathsAreJson404AndTheAppStillServesItsPages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/nope", "/api/sweeps/1/nothing-here", "/api"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Authorization", TestUsers.adminBasic()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/json");
            assertThat(response.body()).as(path).contains("\"status\":404").contains("There is no API path GET " + path);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/sweeps/1/explode")).header("Authorization", TestUsers.adminBasic()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("who has not logged in learns nothing of the API's paths").isEqualTo(401);
        assertThat(anonymous.body()).contains("\"status\":401");
        HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/endpoints")).header("Authorization", TestUsers.adminBasic()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(known.statusCode()).isEqualTo(200);
    }
}
