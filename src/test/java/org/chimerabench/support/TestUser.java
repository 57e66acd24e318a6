package org.chimerabench.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Remembers the user a test method signs in with ({@code @AsAdmin}, …) once Spring Security's test support has
 * set it, so it can be put back after MockMvc requests (whose filter clears it) — per test, never left over.
 */
public class TestUser implements TestExecutionListener, Ordered {

    private static final ThreadLocal<SecurityContext> CURRENT = new ThreadLocal<>();

    /** The test's signed-in user, or null when the test signs in nobody. */
    static SecurityContext current() {
        return CURRENT.get();
    }

    @Override
    public int getOrder() {
        return 10_500; // after WithSecurityContextTestExecutionListener (10,000)
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        CURRENT.remove();
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(strategy -> {
                        if (strategy.getContext().getAuthentication() != null) {
                            CURRENT.set(strategy.getContext());
                        }
                    });
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        CURRENT.remove();
    }
}
