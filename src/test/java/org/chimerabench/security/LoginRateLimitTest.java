package org.chimerabench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Password guessing is slowed down: after 10 failures in a minute, even the right password is refused. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:throttle-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
class LoginRateLimitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void tenFailuresLockTheUserAndTheAddressForAMinute() throws Exception {
        assertThat(status(TestUsers.ADMIN_PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(status("wrong-" + i)).as("failure " + (i + 1)).isEqualTo(401);
        }
        MvcResult locked = mvc.perform(get("/api/sweeps").with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)))
                .andReturn();
        assertThat(locked.getResponse().getStatus()).as("the right password, too late").isEqualTo(429);
        assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("60");
        assertThat(locked.getResponse().getContentAsString()).contains("Too many failed logins");
    }

    @Test
    void theLockEndsAfterTheMinute() {
        AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        LoginThrottle throttle = new LoginThrottle(10, clock);
        for (int i = 0; i < 9; i++) {
            throttle.failed("ana", "10.0.0.5");
        }
        assertThat(throttle.blocked("ana", "10.0.0.5")).isFalse();
        throttle.failed("ana", "10.0.0.6");
        assertThat(throttle.blocked("ana", "10.0.0.7")).as("ten for the user, from wherever").isTrue();
        assertThat(throttle.blocked("bob", "10.0.0.5")).as("nine from that address").isFalse();
        now.addAndGet(60_001);
        assertThat(throttle.blocked("ana", "10.0.0.5")).as("a minute later").isFalse();
    }

    private int status(String password) throws Exception {
        return mvc.perform(get("/api/sweeps").with(httpBasic(TestUsers.ADMIN, password))).andReturn().getResponse()
                .getStatus();
    }
}
