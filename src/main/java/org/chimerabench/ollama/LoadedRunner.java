package org.chimerabench.ollama;

/**
 * What a client knows of the runner loaded for one model on one endpoint, and what the next request needs so that
 * it runs on the runner its own options would load (docs/architecture.md §4.2): nothing, a load Ollama does by
 * itself, or an unload first because Ollama would keep a runner the request did not ask for. Not thread-safe: one
 * per endpoint worker.
 */
public final class LoadedRunner {

    /** What must happen before a request. */
    public enum Step {
        /** The loaded runner is the one the request would load: it runs warm. */
        WARM(false, false),
        /** Nothing of ours is loaded: the request loads the model. */
        FIRST_LOAD(true, false),
        /** Ollama reloads by itself: a load-time option changed. */
        OPTIONS_CHANGED(true, false),
        /** Ollama would keep a runner the request did not ask for: unload first, then the request loads its own. */
        FORCED(true, true);

        private final boolean loads;
        private final boolean unloadFirst;

        Step(boolean loads, boolean unloadFirst) {
            this.loads = loads;
            this.unloadFirst = unloadFirst;
        }

        /** The request pays a model load. */
        public boolean loads() {
            return loads;
        }

        /** The model must be unloaded ({@code keep_alive: 0}) before the request. */
        public boolean unloadFirst() {
            return unloadFirst;
        }
    }

    private LoadOptions loaded;

    /** Nothing known loaded (a fresh worker, or after an unload). */
    public static LoadedRunner empty() {
        return new LoadedRunner();
    }

    /** What the next request, with these options, needs; {@link #ran} records it once it was sent. */
    public Step before(LoadOptions next) {
        if (loaded == null) {
            return Step.FIRST_LOAD;
        }
        if (loaded.reloadsFor(next)) {
            return Step.OPTIONS_CHANGED;
        }
        return loaded.keepsAnotherRunnerFor(next) ? Step.FORCED : Step.WARM;
    }

    /** A request with these options ran after {@link #before}: the runner is now what they load or kept. */
    public void ran(LoadOptions options, Step step) {
        if (step.loads()) {
            loaded = options;
        }
    }

    /** The model was unloaded, or what is loaded is not known (another client changed it). */
    public void forget() {
        loaded = null;
    }

    /** Whether a runner of ours is known to be loaded. */
    public boolean known() {
        return loaded != null;
    }
}
