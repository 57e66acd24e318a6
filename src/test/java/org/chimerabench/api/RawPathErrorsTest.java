package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.chimerabench.support.ApiResponseGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths the servlet container or the firewall refuse before any controller runs (an encoded '/', '.', NUL or
 * backslash, a ';' parameter, a double slash), sent byte for byte over a socket: still the API's JSON error shape,
 * never Tomcat's HTML page or a redirect to the login page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RawPathErrorsTest {

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"/api/sweeps/%2F", "/api/sweeps/a%00b", "/api/sweeps/%2e%2e/users", "/api/sweeps/%5C1",
            "/api/sweeps/;jsessionid=1", "/api//sweeps", "/api/sweeps/%252e%252e"})
    void refusedAsJson(String path) throws Exception {
        String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n"
                + "Connection: close\r\n\r\n");
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
        }
        assertThat(head).as(path).startsWith("HTTP/1.1 4");
        assertThat(head.toLowerCase()).as(path).contains("content-type: application/json");
        JsonNode error = json.readTree(body);
        assertThat(error.get("status").asInt()).as(path).isBetween(400, 499);
        assertThat(error.get("message").asText()).as(path).isNotBlank();
        assertThat(body).as(path).doesNotContain("<html");
        assertThat(ApiResponseGuard.JAVA_NAME.matcher(body).find()).as(path + ": " + body).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aCutOffMultipartUploadIsRefusedAsJson() throws Exception {
        String part = "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nlanguage,gpu,ctx";
        String auth = java.util.Base64.getEncoder().encodeToString((org.chimerabench.support.TestUsers.ADMIN + ":"
                + org.chimerabench.support.TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String response = send("POST /api/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + part.length()
                + "\r\nConnection: close\r\n\r\n" + part);
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        assertThat(response).contains("multipart").doesNotContain("<html");
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
