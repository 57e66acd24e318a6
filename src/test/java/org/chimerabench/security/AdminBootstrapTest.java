package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * First start without {@code chimera.security.bootstrap-admin-password}: a generated password, printed once, works;
 * only its hash is stored. (With the property, every other test logs in with it.)
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:bootstrap-${random.uuid};DB_CLOSE_DELAY=-1",
        "chimera.security.bootstrap-admin-password="})
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private static final Pattern GENERATED = Pattern.compile(
            "created the user 'admin' with the generated password\\s+(\\S+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGeneratedPasswordIsLoggedOnceAndWorks(CapturedOutput output) throws Exception {
        // the context started before this method; its log is in the captured output of the JVM since then
        String log = output.getAll();
        Matcher matcher = GENERATED.matcher(log);
        assertThat(matcher.find()).as("the log names the generated password").isTrue();
        String password = matcher.group(1);
        assertThat(matcher.find()).as("only once").isFalse();
        assertThat(password).hasSize(20);

        assertThat(mvc.perform(get("/api/sweeps").with(httpBasic("admin", password))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/sweeps").with(httpBasic("admin", "test-admin-password"))).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'admin'", String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
    }
}
