package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 25: a 100-character user name at a Basic login was answered with a redirect to the login page (its audit
 * row did not fit the 60-character column and failed the login's answer). Now: a JSON 401, and the attempt recorded
 * with the name cut to fit. Failed logins write at most one audit row per name, address and minute.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LongCredentialsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHundredCharacterUserNameGetsAJson401AndItsAttemptIsRecorded() throws Exception {
        String name = "n".repeat(100);
        MockHttpServletResponse answer = mvc.perform(get("/api/sweeps").with(httpBasic(name, "whatever-password")))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(401);
        assertThat(answer.getContentType()).startsWith("application/json");
        assertThat(answer.getContentAsString()).contains("\"status\":401");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND username"
                + " = ?", Long.class, "n".repeat(59) + "…")).isEqualTo(1);
    }

    @Test
    void repeatedFailedLoginsOfOneNameAndAddressWriteOneRowAMinute() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/api/sweeps").with(httpBasic("guess-me", "wrong-password-" + i)))
                    .andReturn().getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND username"
                + " = 'guess-me'", Long.class)).as("five failures, one row in the minute").isEqualTo(1);
        mvc.perform(get("/api/sweeps").with(httpBasic("guess-me", "wrong")).with(request -> {
            request.setRemoteAddr("10.0.0.77");
            return request;
        }));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND username"
                + " = 'guess-me'", Long.class)).as("another address has its own row").isEqualTo(2);
    }
}
