package org.chimerabench.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.sweep.Sweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A sweep's per-call timeouts (its definition's seconds) over the client's defaults. */
final class SweepTimeouts {

    private static final Logger log = LoggerFactory.getLogger(SweepTimeouts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepTimeouts() {
    }

    static OllamaTimeouts of(Sweep sweep) {
        OllamaTimeouts timeouts = OllamaTimeouts.DEFAULT;
        if (sweep.getTimeouts() == null) {
            return timeouts;
        }
        try {
            var node = JSON.readTree(sweep.getTimeouts());
            if (node.hasNonNull("connectSeconds")) {
                timeouts = timeouts.withConnect(Duration.ofSeconds(node.get("connectSeconds").asLong()));
            }
            if (node.hasNonNull("firstTokenSeconds")) {
                timeouts = timeouts.withFirstToken(Duration.ofSeconds(node.get("firstTokenSeconds").asLong()));
            }
            if (node.hasNonNull("idleSeconds")) {
                timeouts = timeouts.withIdle(Duration.ofSeconds(node.get("idleSeconds").asLong()));
            }
            if (node.hasNonNull("totalSeconds")) {
                timeouts = timeouts.withTotal(Duration.ofSeconds(node.get("totalSeconds").asLong()));
            }
        } catch (IOException e) {
            log.warn("Unreadable timeouts of a sweep: {}", sweep.getTimeouts());
        }
        return timeouts;
    }
}
