package org.chimerabench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST API of an app at a base URL, as the test admin or another user (HTTP Basic), JSON in and out. */
public final class AdminHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;

    public AdminHttp(String baseUrl) {
        this(baseUrl, TestUsers.adminBasic());
    }

    /** As the user whose {@code Authorization} header value this is (e.g. {@link TestUsers#basic}). */
    public AdminHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).body());
    }

    /** POST of a JSON body; the answer as JSON (an empty body: null). */
    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        String answer = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).body();
        return answer.isBlank() ? null : JSON.readTree(answer);
    }

    /** The status of a GET with this user's credentials. */
    public int status(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).statusCode();
    }

    /** The status of a GET without credentials (what a browser without a session gets). */
    public int anonymousStatus(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Accept", "application/json").header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
