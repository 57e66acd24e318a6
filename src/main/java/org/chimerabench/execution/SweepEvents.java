package org.chimerabench.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells whoever watches a sweep that it changed (a call was stored, a trial began, the status moved). Listeners
 * run on the runner's thread, so they must only take note and return (e.g. signal a {@code Coalescer}).
 */
@Component
public class SweepEvents {

    private static final Logger log = LoggerFactory.getLogger(SweepEvents.class);

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** A registration to close when the watcher goes away. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public Subscription subscribe(long sweepId, Runnable listener) {
        listeners.computeIfAbsent(sweepId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(sweepId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many watchers a sweep has (shown nowhere; lets tests check that pages unsubscribe). */
    public int subscribers(long sweepId) {
        Set<Runnable> set = listeners.get(sweepId);
        return set == null ? 0 : set.size();
    }

    void changed(long sweepId) {
        Set<Runnable> set = listeners.get(sweepId);
        if (set == null) {
            return;
        }
        for (Runnable listener : set) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A watcher of sweep {} failed", sweepId, e);
            }
        }
    }
}
