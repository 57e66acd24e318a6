package org.chimerabench.security.ui;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The views' filter chain: the login page, every view behind a login (its {@code @PermitAll} /
 * {@code @RolesAllowed}), the static resources the pages load, Vaadin's CSRF protection.
 */
@Configuration
class ViewSecurity extends VaadinWebSecurity {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/webjars/**", "/images/**", "/icons/**", "/favicon.ico").permitAll());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
