package org.chimerabench.security.ui;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The views' filter chain: the login page, every view behind a login (its {@code @PermitAll} /
 * {@code @RolesAllowed}), the static resources the pages load, Vaadin's CSRF protection; sessions registered so a
 * change of a user's rights ends them.
 */
@Configuration
class ViewSecurity extends VaadinWebSecurity {

    private final org.springframework.security.core.session.SessionRegistry sessions;

    ViewSecurity(org.springframework.security.core.session.SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/webjars/**", "/images/**", "/icons/**", "/favicon.ico").permitAll());
        // every session registered: disabling, demoting or resetting a user expires theirs (UserService)
        http.sessionManagement(management -> management.maximumSessions(-1).sessionRegistry(sessions)
                .expiredUrl("/login"));
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
