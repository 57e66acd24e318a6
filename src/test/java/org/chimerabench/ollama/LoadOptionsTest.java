package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ollama's reload rule (ollama-api.md §8.3; runnerRef.needsReload in server/sched.go) and what it keeps. */
class LoadOptionsTest {

    static LoadOptions options(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return LoadOptions.of(map);
    }

    @Test
    void aRequestWithoutNumGpuNeverReloadsAndSoKeepsAnExplicitPlacement() {
        LoadOptions fourteen = options("num_gpu", 14);
        assertThat(fourteen.reloadsFor(LoadOptions.DEFAULTS)).isFalse();
        assertThat(fourteen.reloadsFor(options("num_gpu", -1))).isFalse();
        assertThat(fourteen.keepsAnotherRunnerFor(LoadOptions.DEFAULTS)).as("the baseline would run on 14 layers")
                .isTrue();
        assertThat(LoadOptions.DEFAULTS.reloadsFor(fourteen)).isTrue();
        assertThat(LoadOptions.DEFAULTS.reloadsFor(options("num_gpu", 999))).as("999 on auto reloads once").isTrue();
        assertThat(fourteen.reloadsFor(options("num_gpu", 14))).isFalse();
        assertThat(fourteen.keepsAnotherRunnerFor(options("num_gpu", 14))).isFalse();
        assertThat(LoadOptions.DEFAULTS.keepsAnotherRunnerFor(options("num_gpu", -1))).as("both automatic").isFalse();
    }

    @Test
    void numCtxExplicitAgainstAutomaticReloadsBothAutomaticDoesNot() {
        assertThat(options("num_ctx", 2048).reloadsFor(LoadOptions.DEFAULTS)).isTrue();
        assertThat(LoadOptions.DEFAULTS.reloadsFor(options("num_ctx", 2048))).isTrue();
        assertThat(options("num_ctx", 2048).reloadsFor(options("num_ctx", 4096))).isTrue();
        assertThat(LoadOptions.DEFAULTS.reloadsFor(LoadOptions.DEFAULTS)).isFalse();
        assertThat(options("num_batch", 256).reloadsFor(LoadOptions.DEFAULTS)).isTrue();
        assertThat(options("num_thread", 4).reloadsFor(LoadOptions.DEFAULTS)).isTrue();
        assertThat(options("main_gpu", 1).reloadsFor(LoadOptions.DEFAULTS)).isTrue();
    }

    @Test
    void useMmapMattersOnlyWhenTheRequestSendsIt() {
        LoadOptions noMmap = options("use_mmap", false);
        assertThat(noMmap.reloadsFor(LoadOptions.DEFAULTS)).isFalse();
        assertThat(noMmap.keepsAnotherRunnerFor(LoadOptions.DEFAULTS)).isTrue();
        assertThat(LoadOptions.DEFAULTS.reloadsFor(noMmap)).isTrue();
        assertThat(noMmap.reloadsFor(options("use_mmap", true))).isTrue();
    }

    @Test
    void samplingOptionsNeverReload() {
        LoadOptions sampled = options("temperature", 0.2, "top_k", 10, "num_predict", 64, "seed", 1);
        assertThat(sampled).isEqualTo(LoadOptions.DEFAULTS);
        assertThat(LoadOptions.of(null)).isEqualTo(LoadOptions.DEFAULTS);
    }

    @Test
    void theRunnerForcesAnUnloadOnlyWhereOllamaWouldKeepAnotherPlacement() {
        LoadedRunner runner = LoadedRunner.empty();
        assertThat(step(runner, LoadOptions.DEFAULTS)).isEqualTo(LoadedRunner.Step.FIRST_LOAD);
        assertThat(step(runner, LoadOptions.DEFAULTS)).isEqualTo(LoadedRunner.Step.WARM);
        assertThat(step(runner, options("num_gpu", 14))).isEqualTo(LoadedRunner.Step.OPTIONS_CHANGED);
        assertThat(step(runner, options("num_gpu", 14, "temperature", 0.5))).isEqualTo(LoadedRunner.Step.WARM);
        LoadedRunner.Step back = step(runner, LoadOptions.DEFAULTS);
        assertThat(back).isEqualTo(LoadedRunner.Step.FORCED);
        assertThat(back.unloadFirst()).isTrue();
        assertThat(step(runner, options("num_ctx", 2048))).isEqualTo(LoadedRunner.Step.OPTIONS_CHANGED);
        assertThat(step(runner, LoadOptions.DEFAULTS)).as("Ollama reloads by itself: no unload needed")
                .isEqualTo(LoadedRunner.Step.OPTIONS_CHANGED);
        runner.forget();
        assertThat(step(runner, LoadOptions.DEFAULTS)).isEqualTo(LoadedRunner.Step.FIRST_LOAD);
    }

    private static LoadedRunner.Step step(LoadedRunner runner, LoadOptions next) {
        LoadedRunner.Step step = runner.before(next);
        runner.ran(next, step);
        return step;
    }
}
