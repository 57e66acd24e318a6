package org.chimerabench.support;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/** Fails a test when one of its {@code /api/**} responses carried HTML or a Java class name (see the guard). */
public class ApiResponseGuardListener implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApiResponseGuard.drain(); // what earlier, unrelated requests (context start-up) left behind
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        List<String> violations = ApiResponseGuard.drain();
        if (!violations.isEmpty()) {
            throw new AssertionError("API responses must be JSON without Java class names:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
