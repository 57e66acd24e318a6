package org.chimerabench.security;

import jakarta.servlet.http.HttpServletRequest;
import org.chimerabench.base.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, checked on the server. Two filter chains:
 * <ul>
 * <li>the REST API ({@code /api/**}, OpenAPI, Swagger UI): HTTP Basic or a personal API token
 * ({@code Authorization: Bearer …}), no session created; anonymous → 401, wrong role → 403, as JSON. A browser
 * session is read (the results page's download links), but a state-changing request signed in by that session
 * alone needs the CSRF token — so a cross-site form or {@code text/plain} POST changes nothing; a state-changing
 * request a browser marks as cross-site ({@code Origin}, {@code Sec-Fetch-Site}) is refused whatever Basic
 * credentials it carries, unless it has an API token ({@link CrossSiteRequests}); browsers get no Basic prompt
 * (so they never cache Basic credentials for a hostile page to reuse);</li>
 * <li>the views ({@code security.ui.ViewSecurity}, VaadinWebSecurity): a login page, every view behind a login
 * ({@code @PermitAll} or {@code @RolesAllowed}), Vaadin's own CSRF protection.</li>
 * </ul>
 * The services check the role again ({@code @PreAuthorize}), whoever calls them.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A path the firewall refuses (an encoded {@code .} or {@code /}, {@code ;}, a double slash): 400 with the API's
     * JSON error shape, instead of an error page behind the login (which answered a 302 to /login).
     */
    @Bean
    RequestRejectedHandler rejectedPaths() {
        return (request, response, rejected) -> ApiErrors.write(request, response, 400, "The path "
                + "is not allowed: it contains an encoded '.', '/' or '\\', a ';', a double '/' or a control"
                + " character. Use plain path segments, e.g. /api/sweeps/1.");
    }

    /** The browser sessions by user, so a change of a user's rights ends their open sessions (UserService). */
    @Bean
    org.springframework.security.core.session.SessionRegistry sessionRegistry() {
        return new org.springframework.security.core.session.SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends (logout, timeout), so it forgets it. */
    @Bean
    static org.springframework.security.web.session.HttpSessionEventPublisher httpSessionEventPublisher() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    @Order(1)
    SecurityFilterChain restApi(HttpSecurity http, ApiErrors errors, ApiTokenService tokens,
                                org.springframework.security.core.session.SessionRegistry sessions) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/users/**", "/api/audit/**", "/api/hooks/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers("/api/users/**", "/api/endpoints/**", "/api/hooks/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/tokens/**", "/api/subscriptions").authenticated()
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .addFilterBefore(new CrossSiteRequests(), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, http.getSharedObject(
                        org.springframework.security.core.context.SecurityContextHolderStrategy.class)),
                        BasicAuthenticationFilter.class)
                // a browser session the app expired (its user disabled, demoted or reset) signs in nothing here
                .sessionManagement(management -> management.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .maximumSessions(-1).sessionRegistry(sessions).expiredSessionStrategy(expired ->
                                ApiErrors.write(expired.getRequest(), expired.getResponse(), 401, "Your session"
                                        + " ended: your account was changed. Log in again.")))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SIGNED_IN_BY_SESSION_ALONE));
        return http.build();
    }

    /** A state-changing request without credentials of its own, from a client that has a session. */
    static final RequestMatcher SIGNED_IN_BY_SESSION_ALONE = (HttpServletRequest request) ->
            !isSafe(request.getMethod()) && request.getHeader("Authorization") == null
                    && request.getSession(false) != null;

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }
}
