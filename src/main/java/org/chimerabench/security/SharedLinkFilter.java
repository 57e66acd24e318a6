package org.chimerabench.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A share link's page request ({@code /shared/{token}}, {@code /shared/{token}/report}) answers 404 at once when
 * the token is unknown, revoked or expired — before the app's page is served (which would answer 200 for any path
 * and only then find the link gone).
 */
@Configuration
class SharedLinkFilter {

    private static final Pattern SHARED = Pattern.compile("^/shared/([^/]+)(/report)?/?$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sharedLinks(ShareLinkService shares) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Matcher shared = SHARED.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (shared.matches() && shares.open(shared.group(1)).isEmpty()) {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><title>Link not found ·"
                            + " Chimera Bench</title></head><body style=\"font-family:sans-serif;margin:3em\">"
                            + "<h1>This link does not exist</h1><p>It was revoked, has expired, or was mistyped. Ask"
                            + " the person who shared it for a new one.</p></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/shared/*");
        registration.setName("sharedLinks");
        return registration;
    }
}
