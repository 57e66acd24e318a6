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

/**
 * Password guessing is slowed down: after 10 failures in a minute for a user name from one address, even the right
 * password is refused there — but not from elsewhere (issue 25: anyone could lock admin out for good).
 */
// its own context: the test locks admin out of 127.0.0.1 for a minute, which would refuse the next test classes
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
        assertThat(mvc.perform(get("/api/sweeps").with(httpBasic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
                .with(request -> {
                    request.setRemoteAddr("10.0.0.9");
                    return request;
                })).andReturn().getResponse().getStatus()).as("admin from another address is not locked out")
                .isEqualTo(200);
    }

    @Test
    void oneAddressIsLimitedAcrossNamesAndMemoryStaysBounded() {
        LoginThrottle throttle = new LoginThrottle(10, Clock.systemUTC());
        for (int i = 0; i < 99; i++) {
            throttle.failed("name-" + i, "10.0.0.5");
        }
        assertThat(throttle.blocked("someone-else", "10.0.0.5")).as("99 failures across names").isFalse();
        throttle.failed("name-99", "10.0.0.5");
        assertThat(throttle.blocked("someone-else", "10.0.0.5")).as("100: password spraying from one address")
                .isTrue();
        assertThat(throttle.blocked("someone-else", "10.0.0.6")).isFalse();
        for (int i = 0; i < 30_000; i++) {
            throttle.failed("flood-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.keys()).as("at most 10,000 keys, whatever is sent").isLessThanOrEqualTo(10_000);
    }

    @Test
    void behindATrustedProxyTheClientsAddressCountsAndOthersCannotPickTheirs() {
        ClientAddress addresses = new ClientAddress("10.0.0.1");
        org.springframework.mock.web.MockHttpServletRequest viaProxy = new org.springframework.mock.web
                .MockHttpServletRequest();
        viaProxy.setRemoteAddr("10.0.0.1");
        viaProxy.addHeader("X-Forwarded-For", "203.0.113.7, 198.51.100.2");
        assertThat(addresses.of(viaProxy)).as("the last hop before the trusted proxy").isEqualTo("198.51.100.2");
        org.springframework.mock.web.MockHttpServletRequest direct = new org.springframework.mock.web
                .MockHttpServletRequest();
        direct.setRemoteAddr("192.0.2.50");
        direct.addHeader("X-Forwarded-For", "1.2.3.4");
        assertThat(addresses.of(direct)).as("a header from an untrusted peer is ignored").isEqualTo("192.0.2.50");
        assertThat(new ClientAddress("").of(viaProxy)).as("no trusted proxy configured").isEqualTo("10.0.0.1");
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
        throttle.failed("ana", "10.0.0.5");
        assertThat(throttle.blocked("ana", "10.0.0.5")).as("ten for the user from that address").isTrue();
        assertThat(throttle.blocked("ana", "10.0.0.7")).as("not from elsewhere").isFalse();
        assertThat(throttle.blocked("bob", "10.0.0.5")).as("another name from that address").isFalse();
        now.addAndGet(60_001);
        assertThat(throttle.blocked("ana", "10.0.0.5")).as("a minute later").isFalse();
    }

    private int status(String password) throws Exception {
        return mvc.perform(get("/api/sweeps").with(httpBasic(TestUsers.ADMIN, password))).andReturn().getResponse()
                .getStatus();
    }
}
