package org.chimerabench.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <API token>} on the REST API: the token's owner, with the owner's role. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    private final org.springframework.security.core.context.SecurityContextHolderStrategy strategy;

    /** {@code strategy}: the one the filter chain reads (a bean when one is defined, else the static holder's). */
    BearerTokenFilter(ApiTokenService tokens,
                      org.springframework.security.core.context.SecurityContextHolderStrategy strategy) {
        this.tokens = tokens;
        this.strategy = strategy == null ? SecurityContextHolder.getContextHolderStrategy() : strategy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AppUser> owner = tokens.authenticate(header.substring(7).strip());
        if (owner.isEmpty()) {
            ApiErrors.write(request, response, 401,
                    "The API token is not valid (revoked, mistyped, or its owner disabled)");
            return;
        }
        var authorities = Arrays.stream(owner.get().getRole().authorities()).map(SimpleGrantedAuthority::new)
                .toList();
        var context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(owner.get().getUsername(), null,
                authorities));
        strategy.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            strategy.clearContext();
        }
    }
}
