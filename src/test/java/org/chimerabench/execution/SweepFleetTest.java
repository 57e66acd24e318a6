package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.FleetSweep;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fleet: one sweep on two endpoints. Configurations are split between them, both run at once (one call at a
 * time each), every call records its endpoint, and the analysis can be read per endpoint.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class SweepFleetTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void configurationsAreSplitAcrossTheFleetAndRunInParallel() throws Exception {
        try (FleetSweep fleet = new FleetSweep(mvc, json, endpoints, "fleet")) {
            RestSweeps rest = new RestSweeps(mvc, json);
            long id = fleet.id;
            FakeOllama a = fleet.a;
            FakeOllama b = fleet.b;
            JsonNode sweep = rest.awaitStatus(id, "FINISHED", 60);

            assertThat(sweep.get("endpoints")).extracting(JsonNode::asText).containsExactly("fleet-a", "fleet-b");
            assertThat(sweep.at("/environment/fleet")).extracting(e -> e.get("endpoint").asText())
                    .containsExactly("fleet-a", "fleet-b");
            JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(4 * 2 * 3);
            Map<Long, String> endpointOfConfiguration = new HashMap<>();
            List<String> endpointByCallOrder = new ArrayList<>();
            for (JsonNode call : calls) {
                String endpoint = call.get("endpoint").asText();
                endpointByCallOrder.add(endpoint);
                String earlier = endpointOfConfiguration.putIfAbsent(call.get("configurationId").asLong(), endpoint);
                assertThat(earlier == null || earlier.equals(endpoint)).as("a configuration runs on one endpoint")
                        .isTrue();
            }
            assertThat(endpointOfConfiguration.values()).containsOnly("fleet-a", "fleet-b")
                    .filteredOn("fleet-a"::equals).hasSize(2);
            assertThat(a.requestBodies()).hasSize(12);
            assertThat(b.requestBodies()).hasSize(12);
            long switches = IntStream.range(1, endpointByCallOrder.size())
                    .filter(i -> !endpointByCallOrder.get(i).equals(endpointByCallOrder.get(i - 1))).count();
            assertThat(switches).as("the two endpoints' calls interleave: they ran at the same time")
                    .isGreaterThanOrEqualTo(4);

            JsonNode onA = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis?endpoint=fleet-a")));
            JsonNode all = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis")));
            assertThat(onA.get("configurations").asInt()).isEqualTo(2);
            assertThat(all.get("configurations").asInt()).isEqualTo(4);
            mvc.perform(get("/api/sweeps/" + id + "/analysis?endpoint=elsewhere"))
                    .andExpect(status().isBadRequest());
        }
    }
}
