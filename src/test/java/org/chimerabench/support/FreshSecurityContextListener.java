package org.chimerabench.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every test method starts signed out and ends signed out — in Spring Security's holders and in the strategy Vaadin
 * installs — so no user of one test leaks into the next (then {@code @AsAdmin} and friends sign the test in).
 */
public class FreshSecurityContextListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 9_000; // before WithSecurityContextTestExecutionListener (10,000) sets the test's user
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        clear(testContext);
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        clear(testContext);
    }

    private static void clear(TestContext testContext) {
        TestSecurityContextHolder.clearContext();
        SecurityContextHolder.clearContext();
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolderStrategy::clearContext);
        }
    }
}
