package org.chimerabench.base.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database that would not open while the app was starting (after {@link StartupChecks} found it fine: e.g. another
 * instance took the files in between), explained as {@link DatabaseCheck} explains it. Registered in
 * META-INF/spring.factories.
 */
public final class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return null;
        }
        return new DatabaseCheck(url, environment.getProperty("spring.datasource.username", ""), "",
                "spring.datasource.url", null).explainKnown(cause)
                .map(problem -> new FailureAnalysis(problem.what(), problem.action(), cause)).orElse(null);
    }
}
