package org.chimerabench.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Puts {@link ApiResponseGuard} in front of every test application (test auto-configuration, tests only). */
@AutoConfiguration
public class ApiResponseGuardConfiguration {

    @Bean
    FilterRegistrationBean<ApiResponseGuard> apiResponseGuard() {
        FilterRegistrationBean<ApiResponseGuard> registration = new FilterRegistrationBean<>(new ApiResponseGuard());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
