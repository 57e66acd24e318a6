package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every JSON example of the README can be pasted as it is: each {@code ```json} block, marked with the request it
 * belongs to ({@code <!-- POST /api/sweeps -->}), is sent to the running app and answered with 2xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class ReadmeExamplesTest {

    private static final Pattern MARKED = Pattern.compile(
            "<!-- (POST|PUT|PATCH) (/api/\\S+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ANY_JSON_BLOCK = Pattern.compile("```json\\n");

    @LocalServerPort
    int port;

    record Example(String method, String path, String body) {
    }

    @Test
    void everyJsonExampleIsAcceptedAsItIs() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<Example> examples = new ArrayList<>();
        Matcher marked = MARKED.matcher(readme);
        while (marked.find()) {
            examples.add(new Example(marked.group(1), marked.group(2), marked.group(3)));
        }
        assertThat(examples).as("the README shows the sweep definition and an endpoint").hasSizeGreaterThanOrEqualTo(2)
                .extracting(Example::path).contains("/api/sweeps", "/api/endpoints");
        assertThat(ANY_JSON_BLOCK.matcher(readme).results().count())
                .as("every JSON block says which request it is (<!-- POST /api/… -->)").isEqualTo(examples.size());

        HttpClient http = HttpClient.newHttpClient();
        for (Example example : examples) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + example.path()))
                    .header("Content-Type", "application/json").header("Authorization", TestUsers.adminBasic())
                    .method(example.method(), HttpRequest.BodyPublishers.ofString(example.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(example.method() + " " + example.path() + " → " + response.body())
                    .isBetween(200, 299);
            if (example.path().equals("/api/tunings")) {
                // a tuning starts at once: cancelled here, so it does not run under the other tests of this context
                String id = response.body().replaceAll("\\D", "");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tunings/"
                                + id + "/cancel")).header("Authorization", TestUsers.adminBasic())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isIn(202, 409);
            }
        }
    }
}
