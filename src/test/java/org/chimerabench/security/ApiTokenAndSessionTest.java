package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Personal API tokens as Bearer credentials, and what a browser session alone may do on the REST API. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tokens-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
class ApiTokenAndSessionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenWorksAsBearerIsStoredHashedAndFailsOnceRevoked() throws Exception {
        MvcResult created = mvc.perform(post("/api/tokens").with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"ci\"}")).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String token = body.get("token").asText();
        long id = body.get("id").asLong();
        assertThat(token).startsWith("cbt_").hasSizeGreaterThan(40);

        assertThat(mvc.perform(get("/api/sweeps").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/api/examples/chimeraforge").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus()).as("with the owner's role (admin)").isEqualTo(201);

        List<String> stored = jdbc.queryForList("SELECT token_hash FROM api_token", String.class);
        assertThat(stored).hasSize(1).doesNotContain(token).containsExactly(ApiTokenService.hash(token));
        assertThat(String.join("", jdbc.queryForList("SELECT CAST(name AS VARCHAR) FROM api_token", String.class)))
                .doesNotContain(token);

        assertThat(mvc.perform(delete("/api/tokens/" + id).header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
        MvcResult revoked = mvc.perform(get("/api/sweeps").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(401);
        assertThat(revoked.getResponse().getContentAsString()).contains("\"status\":401").contains("API token");
        assertThat(mvc.perform(get("/api/sweeps").header("Authorization", "Bearer cbt_made-up")).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionAndSwaggerUiNeedALoginAndAnswersCarryTheSecurityHeaders() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/swagger-ui.html")).andReturn().getResponse().getStatus()).isEqualTo(401);
        var answer = mvc.perform(get("/v3/api-docs").with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aCrossSitePostWithTheSessionCookieAloneChangesNothing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(TestUsers.ADMIN, null,
                        AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER"))));
        assertThat(mvc.perform(get("/api/sweeps").session(session)).andReturn().getResponse().getStatus())
                .as("the page's download links read with the session").isEqualTo(200);
        long sweeps = jdbc.queryForObject("SELECT COUNT(*) FROM sweep", Long.class);

        MvcResult forged = mvc.perform(post("/api/imports?filename=evil.csv").session(session)
                .contentType(MediaType.TEXT_PLAIN)
                .content("language,gpu,ctx,temp,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,chimera_ttft_ms\n"
                        + "rust,60,256,0.6,99.0,99.5,900,880\n")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(forged.getResponse().getContentAsString()).contains("browser session alone");
        assertThat(mvc.perform(post("/api/examples/chimeraforge").session(session)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sweep", Long.class)).as("nothing imported")
                .isEqualTo(sweeps);
    }
}
