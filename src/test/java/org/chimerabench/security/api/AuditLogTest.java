package org.chimerabench.security.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The audit log records logins (and failures) and every change with who, when and from where; admins read it. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:audit-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
class AuditLogTest {

    static final String PASSWORD = "a-long-test-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;

    @Test
    void loginsAndChangesAreRecordedWithWhoAndWhere() throws Exception {
        SignedIn.asAdmin(context, () -> users.create("olga", PASSWORD, Role.OPERATOR));
        mvc.perform(formLogin("/login").user("olga").password(PASSWORD));
        mvc.perform(formLogin("/login").user("olga").password("not-her-password"));

        assertThat(status(post("/api/examples/chimeraforge").with(httpBasic("olga", PASSWORD)))).isEqualTo(201);
        long id = json.readTree(mvc.perform(post("/api/sweeps").with(httpBasic("olga", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"audited","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                         "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5]},
                         "repetitions":100,"maxTokens":64}""")).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
        assertThat(status(post("/api/sweeps/" + id + "/start").with(httpBasic("olga", PASSWORD)))).isEqualTo(202);
        assertThat(status(post("/api/sweeps/" + id + "/cancel").with(httpBasic("olga", PASSWORD)))).isEqualTo(202);
        assertThat(status(delete("/api/sweeps/" + id).with(httpBasic("olga", PASSWORD)))).isEqualTo(204);

        JsonNode log = json.readTree(mvc.perform(get("/api/audit").with(httpBasic(TestUsers.ADMIN,
                TestUsers.ADMIN_PASSWORD))).andReturn().getResponse().getContentAsString());
        List<String> olgas = StreamSupport.stream(log.spliterator(), false)
                .filter(e -> "olga".equals(e.path("username").asText(null))).map(e -> e.get("action").asText())
                .toList();
        assertThat(olgas).as("newest first").containsExactly("SWEEP_DELETED", "SWEEP_CANCELLED", "SWEEP_STARTED",
                "SWEEP_CREATED", "EXAMPLE_LOADED", "IMPORTED", "IMPORTED", "LOGIN_FAILED", "LOGIN");
        JsonNode deleted = log.get(0);
        assertThat(deleted.get("target").asText()).isEqualTo("sweep " + id);
        assertThat(deleted.get("detail").asText()).isEqualTo("audited");
        assertThat(deleted.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(deleted.get("at").asText()).isNotBlank();
        assertThat(StreamSupport.stream(log.spliterator(), false).filter(e -> "USER_CREATED".equals(
                e.get("action").asText())).findFirst().orElseThrow().get("username").asText()).isEqualTo("admin");

        JsonNode failures = json.readTree(mvc.perform(get("/api/audit?action=LOGIN_FAILED").with(httpBasic(
                TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))).andReturn().getResponse().getContentAsString());
        assertThat(failures).hasSize(1);
        assertThat(status(get("/api/audit").with(httpBasic("olga", PASSWORD)))).as("not for operators").isEqualTo(403);
        assertThat(status(get("/api/audit?action=NOPE").with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))))
                .isEqualTo(400);
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
