package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 25: what a browser that once answered a Basic prompt sends for a hostile page's auto-submitted form — cached
 * Basic credentials, {@code Origin: http://evil.example}, a form or {@code text/plain} body — imported a file,
 * started and cancelled a sweep. Now refused with nothing changed; the same from a script with an API token works;
 * and a browser is never prompted for Basic credentials in the first place.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrossSiteRequestTest {

    static final String EVIL = "http://evil.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void crossSiteRequestsWithBasicCredentialsChangeNothing() throws Exception {
        long sweep = draft();
        long sweeps = count("SELECT COUNT(*) FROM sweep");
        long audit = count("SELECT COUNT(*) FROM audit_event");

        MockMultipartFile file = new MockMultipartFile("file", "summary.csv", "text/csv",
                "config,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(multipart("/api/imports").file(file).header("Origin", EVIL));
        assertRefused(post("/api/sweeps/" + sweep + "/start").contentType(MediaType.TEXT_PLAIN).content("x")
                .header("Origin", EVIL));
        assertRefused(post("/api/sweeps/" + sweep + "/start").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Sec-Fetch-Site", "cross-site"));
        assertRefused(post("/api/sweeps/" + sweep + "/start").header("Origin", "null"));
        assertRefused(post("http://localhost:8080/api/sweeps/" + sweep + "/start").header("Origin",
                "http://localhost:1"));
        assertThat(status(sweep)).isEqualTo("DRAFT");
        assertThat(count("SELECT COUNT(*) FROM sweep")).isEqualTo(sweeps);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(audit);

        // the app's own pages (same origin) and clients that are not browsers (no Origin) still work
        MockHttpServletResponse sameOrigin = mvc.perform(post("http://localhost:8080/api/sweeps/" + sweep + "/start")
                .with(basic()).header("Origin", "http://localhost:8080").header("Sec-Fetch-Site", "same-origin"))
                .andReturn().getResponse();
        assertThat(sameOrigin.getStatus()).as(sameOrigin.getContentAsString()).isEqualTo(202);
        assertRefused(post("/api/sweeps/" + sweep + "/cancel").header("Origin", EVIL));
        assertThat(status(sweep)).isIn("QUEUED", "RUNNING");

        String token = token();
        MockHttpServletResponse script = mvc.perform(post("/api/sweeps/" + sweep + "/cancel")
                .header("Authorization", "Bearer " + token).header("Origin", EVIL)).andReturn().getResponse();
        assertThat(script.getStatus()).as("a script elsewhere with an API token: " + script.getContentAsString())
                .isEqualTo(202);
        assertThat(status(sweep)).isEqualTo("CANCELLED");
    }

    @Test
    void aBrowserIsNeverPromptedForBasicCredentials() throws Exception {
        MockHttpServletResponse browser = mvc.perform(get("/api/sweeps").header("Sec-Fetch-Mode", "navigate")
                .header("Accept", "text/html,application/xhtml+xml")).andReturn().getResponse();
        assertThat(browser.getStatus()).isEqualTo(401);
        assertThat(browser.getHeader("WWW-Authenticate")).isNull();
        MockHttpServletResponse curl = mvc.perform(get("/api/sweeps").header("Accept", "*/*")).andReturn()
                .getResponse();
        assertThat(curl.getHeader("WWW-Authenticate")).startsWith("Basic");
    }

    private void assertRefused(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse answer = mvc.perform(request.with(basic())).andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(403);
        assertThat(answer.getContentAsString()).contains("from another site may not change anything");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic() {
        return httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private long draft() {
        return SignedIn.asAdmin(context, () -> context.getBean(SweepService.class).create(new SweepDefinition(
                "cross-site target", null, List.of("Built-in simulator"), "llama3.2-sim:3b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.<String, Object>of("temperature",
                List.of(0.5)), null, null, 200, null, null, null, null, null, 64, null, null)));
    }

    private String token() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/tokens").with(basic())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"script\"}")).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return json.readTree(created.getContentAsString()).get("token").asText();
    }

    private String status(long sweep) {
        return jdbc.queryForObject("SELECT status FROM sweep WHERE id = " + sweep, String.class);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
