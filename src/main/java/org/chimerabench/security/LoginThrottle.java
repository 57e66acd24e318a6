package org.chimerabench.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock others out (docs/architecture.md §9): after
 * {@code chimera.security.login-failures-per-minute} (10) failed logins within a minute for one user name
 * <em>from one address</em>, further attempts of that pair are refused until the minute has passed — with the right
 * password too. So guessing admin's password from one address does not lock admin out elsewhere. One address is also
 * limited across all names, at ten times that (password spraying), which a team behind one proxy never reaches —
 * and with {@code chimera.security.trusted-proxies} set the address is the client's, not the proxy's
 * ({@link ClientAddress}). Kept in memory per app instance, at most {@value #MAX_KEYS} keys (the least recently
 * failed are forgotten first).
 */
@Component
class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_KEYS = 10_000;
    /** An address's limit across all user names, in multiples of the per-pair limit. */
    static final int SPRAY_FACTOR = 10;

    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };
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

    synchronized boolean blocked(String username, String address) {
        return count(pair(username, address)) >= limit
                || (address != null && count("address:" + address) >= limit * SPRAY_FACTOR);
    }

    synchronized void failed(String username, String address) {
        record(pair(username, address));
        if (address != null) {
            record("address:" + address);
        }
    }

    /** Keys held now (for the memory bound's test). */
    synchronized int keys() {
        return failures.size();
    }

    private static String pair(String username, String address) {
        String name = username == null ? "" : username.length() > 60 ? username.substring(0, 60) : username;
        return "pair:" + name + "@" + (address == null ? "?" : address);
    }

    private void record(String key) {
        failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.millis());
        count(key); // drops what left the window: at most limit × SPRAY_FACTOR times kept per key
    }

    private int count(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long since = clock.millis() - WINDOW.toMillis();
        while (!times.isEmpty() && times.peekFirst() < since) {
            times.removeFirst();
        }
        while (times.size() > limit * SPRAY_FACTOR) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        return times.size();
    }
}
