package org.chimerabench.endpoint;

import org.chimerabench.simulator.OllamaSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * At start-up: the built-in simulator appears as an endpoint with this start's port — before the job scheduler
 * starts, so a sweep resumed right away calls the new port, not the last start's — and a local Ollama is offered
 * when it answers.
 */
@Configuration
@EnableScheduling
class EndpointBootstrap implements ApplicationRunner, SmartInitializingSingleton {

    private final EndpointService endpoints;
    private final ObjectProvider<OllamaSimulator> simulator;
    private final String localUrl;
    private final boolean offerLocal;
    private final String simulatorName;

    EndpointBootstrap(EndpointService endpoints, ObjectProvider<OllamaSimulator> simulator,
                      @Value("${chimera.endpoints.local-url:http://localhost:11434}") String localUrl,
                      @Value("${chimera.endpoints.offer-local:true}") boolean offerLocal,
                      @Value("${chimera.simulator.endpoint-name:Built-in simulator}") String simulatorName) {
        this.endpoints = endpoints;
        this.simulator = simulator;
        this.localUrl = localUrl;
        this.offerLocal = offerLocal;
        this.simulatorName = simulatorName;
    }

    @Override
    public void afterSingletonsInstantiated() {
        simulator.ifAvailable(s -> endpoints.registerSimulator(simulatorName, s.baseUrl()));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (offerLocal) {
            endpoints.offerLocal(localUrl);
        }
    }
}
