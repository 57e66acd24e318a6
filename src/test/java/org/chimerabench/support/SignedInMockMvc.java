package org.chimerabench.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
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

    private final SecurityContextHolderStrategy strategy;

    SignedInMockMvc(SecurityContextHolderStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        RequestPostProcessor asTheTest = request -> {
            signInAsTheTest();
            return request;
        };
        builder.defaultRequest(get("/").with(asTheTest)).alwaysDo(result -> signInAsTheTest());
    }

    /** The test's own user ({@code @AsAdmin}, …) or nobody — never a user left over from an earlier test. */
    private void signInAsTheTest() {
        SecurityContext intended = TestUser.current();
        if (intended != null) {
            strategy.setContext(intended);
        } else {
            strategy.clearContext();
        }
    }
}
