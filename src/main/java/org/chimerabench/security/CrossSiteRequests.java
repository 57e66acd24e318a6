package org.chimerabench.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A state-changing REST request that a browser says comes from another site is refused — unless it carries an API
 * token ({@code Authorization: Bearer …}), which a hostile page cannot have. A browser that once answered a Basic
 * prompt sends the cached credentials with a hostile page's auto-submitted form: its {@code Origin} (or
 * {@code Sec-Fetch-Site: cross-site}/{@code same-site}) gives it away. Requests without those headers (curl,
 * scripts, tests) are not browsers' cross-site requests and pass. Runs before any authentication.
 */
class CrossSiteRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (changesState(request.getMethod()) && !bearer(request) && crossSite(request)) {
            ApiErrors.write(request, response, 403, "A request from another site may not change anything here"
                    + " (Origin " + describe(request.getHeader("Origin")) + "); a script elsewhere sends an API token:"
                    + " Authorization: Bearer <token>");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) { // set by the browser itself, no page can forge it: trusted over Origin vs Host (a
            // proxy may rewrite Host)
            String site = fetchSite.toLowerCase(Locale.ROOT);
            return site.equals("cross-site") || site.equals("same-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) { // a sandboxed frame, a file: page, a data: URL
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getHost() == null || host == null || !hostAndPort(uri).equalsIgnoreCase(host);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    private static String hostAndPort(URI origin) {
        int port = origin.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(origin.getScheme()))
                || (port == 443 && "https".equals(origin.getScheme()));
        return origin.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean changesState(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"));
    }

    private static String describe(String origin) {
        if (origin == null) {
            return "of another site";
        }
        String shown = origin.length() > 80 ? origin.substring(0, 79) + "…" : origin;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
