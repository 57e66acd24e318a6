package org.chimerabench.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;

/**
 * Keeps the test's signed-in user ({@code @AsAdmin}, …) across MockMvc requests. Vaadin installs its own
 * security-context strategy (a bean the filters and method security use), which the security filter clears after
 * each request; without this, only a test's first request would be signed in, and a service called after a request
 * would see no user. The user seen before a request is put back after it.
 */
@Component
class SignedInMockMvc implements MockMvcBuilderCustomizer {

    private static final ThreadLocal<SecurityContext> SIGNED_IN = new ThreadLocal<>();

    private final SecurityContextHolderStrategy strategy;

    SignedInMockMvc(SecurityContextHolderStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        RequestPostProcessor remember = request -> {
            SecurityContext current = strategy.getContext().getAuthentication() != null ? strategy.getContext()
                    : TestSecurityContextHolder.getContext();
            if (current.getAuthentication() != null) {
                SIGNED_IN.set(current);
                strategy.setContext(current);
            }
            return request;
        };
        builder.defaultRequest(get("/").with(remember)).alwaysDo(result -> {
            if (SIGNED_IN.get() != null) {
                strategy.setContext(SIGNED_IN.get());
            }
        });
    }
}
