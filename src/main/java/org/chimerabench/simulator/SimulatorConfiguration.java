package org.chimerabench.simulator;

import java.net.InetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the built-in simulator with the app (disable with {@code chimera.simulator.enabled=false}). */
@Configuration
@ConditionalOnProperty(name = "chimera.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    OllamaSimulator ollamaSimulator(@Value("${chimera.simulator.port:0}") int port,
                                    @Value("${chimera.simulator.seed:42}") long seed,
                                    @Value("${chimera.simulator.time-scale:1.0}") double timeScale,
                                    @Value("${chimera.simulator.parallel-slots:4}") int slots,
                                    @Value("${chimera.simulator.vram-gib:12}") double vramGib,
                                    @Value("${chimera.simulator.cpu-cores:8}") int cpuCores,
                                    @Value("${chimera.simulator.version:" + OllamaSimulator.VERSION + "}") String version,
                                    @Value("${chimera.simulator.speed-factor:1.0}") double speedFactor) {
        return OllamaSimulator.start(InetAddress.getLoopbackAddress(), port, seed, timeScale, slots, vramGib,
                cpuCores, version, speedFactor);
    }
}
