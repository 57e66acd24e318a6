package org.chimerabench.base.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** A {@link StartupProblem} anywhere in the cause chain: its own words. Registered in META-INF/spring.factories. */
public final class StartupProblemAnalyzer extends AbstractFailureAnalyzer<StartupProblem> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupProblem problem) {
        return new FailureAnalysis(problem.what(), problem.action(), problem);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's analyzers look at its causes
    }
}
