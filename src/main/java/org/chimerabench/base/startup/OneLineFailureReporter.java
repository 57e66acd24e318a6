package org.chimerabench.base.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A start-up failure that an analyzer explained is one ERROR line: "Chimera Bench did not start: what. What to do."
 * (instead of Spring Boot's framed block). Spring Boot's own reporter is switched off in application.properties;
 * a failure no analyzer explains still gets its stack trace ("Application run failed"). Registered in
 * META-INF/spring.factories.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("org.chimerabench.Startup");

    @Override
    public void report(FailureAnalysis analysis) {
        log.error("Chimera Bench did not start: {}", line(analysis));
    }

    /** The analysis as one line: its description, then its action, whitespace and line breaks folded. */
    static String line(FailureAnalysis analysis) {
        String description = fold(analysis.getDescription());
        String action = fold(analysis.getAction());
        if (action.isEmpty()) {
            return description;
        }
        return description + (description.endsWith(".") ? " " : ". ") + action;
    }

    private static String fold(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
