package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointValidationException;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.FleetSweep;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** Removing an endpoint: refused while a sweep runs on it; afterwards its sweeps keep every call and figure. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class EndpointRemovalTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void refusedWhileInUseThenTheSweepKeepsItsResults() throws Exception {
        try (FleetSweep fleet = new FleetSweep(mvc, json, endpoints, "gone")) {
            long a = endpoints.findByName("gone-a").orElseThrow().id();
            assertThatThrownBy(() -> endpoints.remove(a)).isInstanceOf(EndpointValidationException.class)
                    .hasMessage("gone-a is in use by the sweep fleet; cancel or finish it first");

            RestSweeps rest = new RestSweeps(mvc, json);
            rest.awaitStatus(fleet.id, "FINISHED", 60);
            JsonNode before = rest.body(mvc.perform(get("/api/sweeps/" + fleet.id + "/analysis")));
            endpoints.remove(a);

            assertThat(endpoints.findByName("gone-a")).isEmpty();
            JsonNode sweep = rest.body(mvc.perform(get("/api/sweeps/" + fleet.id)));
            assertThat(sweep.get("endpoints")).extracting(JsonNode::asText).containsExactly("gone-b");
            JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + fleet.id + "/calls")
                    .accept("application/json")));
            assertThat(calls).hasSize(24).filteredOn(c -> c.get("endpoint").asText().equals("gone-a")).hasSize(12);
            assertThat(rest.body(mvc.perform(get("/api/sweeps/" + fleet.id + "/analysis")))).isEqualTo(before);
            assertThat(rest.body(mvc.perform(get("/api/sweeps/" + fleet.id + "/analysis?endpoint=gone-a")))
                    .get("configurations").asInt()).isEqualTo(2);
        }
    }
}
