package org.chimerabench.tune;

import java.time.Duration;
import java.util.Map;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.ModelInfo;
import org.chimerabench.ollama.OllamaClient;

/**
 * What a tuning learns before it measures anything: the model's facts from {@code /api/show} and Ollama's own
 * placement of it at the defaults, from one probe load. The model is unloaded first: a request without num_gpu keeps
 * whatever placement is loaded (ollama-api.md §8.3), so only a fresh load shows Ollama's fit.
 */
public record ModelProbe(ModelInfo model, LoadedModel atDefaults) {

    /** Unloads the model, loads it with no options, and reads {@code /api/ps}. */
    public static ModelProbe of(OllamaClient client, String model) {
        ModelInfo info = client.show(model);
        if (!client.unloadAndWait(model, Duration.ofMillis(200), Duration.ofSeconds(30))) {
            throw new IllegalStateException("the model " + model + " did not unload within 30 s; another client may"
                    + " be using it");
        }
        client.load(model, Map.of());
        LoadedModel loaded = client.loaded(model).orElseThrow(() -> new IllegalStateException(
                "the model " + model + " was not listed as loaded after the probe load"));
        return new ModelProbe(info, loaded);
    }

    /** Layers Ollama can offload: the blocks plus the output layer. */
    public int offloadableLayers() {
        return model.blockCount() + 1;
    }

    /** Layers Ollama's own fit put on the GPU (its share of the size, in layers). */
    public int layersOllamaFits() {
        Double share = atDefaults.gpuOffloadPct();
        return share == null ? 0 : (int) Math.round(share / 100 * offloadableLayers());
    }

    /** Whether Ollama's fit put the whole model on the GPU. */
    public boolean fitsWhole() {
        return layersOllamaFits() >= offloadableLayers();
    }
}
