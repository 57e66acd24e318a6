package org.chimerabench.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code chimera.security.login-failures-per-minute} (10) failed logins within
 * a minute for one user name, or from one address, further attempts for it are refused until the minute has
 * passed — with the right password too. Kept in memory (per app instance).
 */
@Component
class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    @Autowired
    LoginThrottle(@Value("${chimera.security.login-failures-per-minute:10}") int limit) {
        this(limit, Clock.systemUTC());
    }

    LoginThrottle(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        return count("user:" + username) >= limit || (address != null && count("address:" + address) >= limit);
    }

    void failed(String username, String address) {
        record("user:" + username);
        if (address != null) {
            record("address:" + address);
        }
    }

    private void record(String key) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.millis());
        }
    }

    private int count(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long since = clock.millis() - WINDOW.toMillis();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
