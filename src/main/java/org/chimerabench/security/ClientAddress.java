package org.chimerabench.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for the login throttle and the audit log. The connection's peer — unless that
 * is one of {@code chimera.security.trusted-proxies} (exact addresses, comma-separated; empty by default): then the
 * last address in {@code X-Forwarded-For} that is not a trusted proxy. A header from anyone else is ignored, so a
 * client cannot pick its own address.
 */
@Component
class ClientAddress {

    private final Set<String> trusted;

    ClientAddress(@Value("${chimera.security.trusted-proxies:}") String trustedProxies) {
        this.trusted = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwarded.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i).length() > 64 ? hops.get(i).substring(0, 64) : hops.get(i);
            }
        }
        return peer;
    }
}
