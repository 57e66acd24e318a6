package org.chimerabench.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.ModelInfo;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.sweep.Sweep;

/**
 * What a sweep ran on, captured at its start: per endpoint the Ollama version, the server settings its admin recorded,
 * and the model's digest and details.
 */
final class EnvironmentCapture {

    private EnvironmentCapture() {
    }

    /** Ollama version, model digest and details of one endpoint, as found at the start. */
    static Map<String, Object> of(EndpointView endpoint, Sweep sweep) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("endpoint", endpoint.name());
        environment.put("host", endpoint.baseUrl());
        environment.put("simulated", endpoint.simulated());
        environment.put("serverSettings", endpoint.serverSettings()); // as its admin recorded them (§4.1)
        try (OllamaClient client = new OllamaClient(endpoint.baseUrl(), SweepTimeouts.of(sweep))) {
            environment.put("ollamaVersion", client.version());
            ModelInfo model = client.show(sweep.getModel());
            environment.put("digest", model.digest());
            environment.put("quantization", model.quantization());
            environment.put("family", model.family());
            environment.put("parameterSize", model.parameterSize());
            environment.put("layers", model.blockCount());
        } catch (OllamaException e) {
            environment.put("captureError", e.getMessage());
        }
        return environment;
    }
}
