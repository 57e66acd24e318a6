package org.chimerabench.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Several app instances on one database, each with its built-in simulator: each registers its own endpoint row under
 * its {@code chimera.simulator.endpoint-name} (before, all shared one row whose URL the last to start overwrote).
 */
@SpringBootTest(properties = {"chimera.simulator.endpoint-name=Simulator on host-a",
        "spring.datasource.url=jdbc:h2:mem:simulator-names-${random.uuid};DB_CLOSE_DELAY=-1"})
@AsAdmin
class SimulatorEndpointNameTest {

    @Autowired
    EndpointService endpoints;

    @Test
    void eachInstanceKeepsItsOwnSimulatorRow() throws InterruptedException {
        String mine = awaitOwnSimulator();
        // two more instances start (host-b twice: after a restart its simulator has a new port)
        endpoints.registerSimulator("Simulator on host-b", "http://127.0.0.1:40001");
        endpoints.registerSimulator("Simulator on host-c", "http://127.0.0.1:40002");
        endpoints.registerSimulator("Simulator on host-b", "http://127.0.0.1:40003");
        assertThat(endpoints.list()).filteredOn(EndpointView::simulated)
                .extracting(EndpointView::name, EndpointView::baseUrl).containsExactlyInAnyOrder(
                        tuple("Simulator on host-a", mine),
                        tuple("Simulator on host-b", "http://127.0.0.1:40003"),
                        tuple("Simulator on host-c", "http://127.0.0.1:40002"));

        endpoints.add("gpu-9", "http://127.0.0.1:40004", null);
        endpoints.registerSimulator("gpu-9", "http://127.0.0.1:40005");
        EndpointView real = endpoints.findByName("gpu-9").orElseThrow();
        assertThat(real.simulated()).as("a real endpoint's name is not taken over").isFalse();
        assertThat(real.baseUrl()).isEqualTo("http://127.0.0.1:40004");
    }

    private String awaitOwnSimulator() {
        return await("the built-in simulator registered under its configured name").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> endpoints.findByName("Simulator on host-a"),
                        Optional::isPresent).orElseThrow().baseUrl();
    }
}
