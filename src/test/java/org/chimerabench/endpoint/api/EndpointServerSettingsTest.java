package org.chimerabench.endpoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An endpoint's server settings: an admin records them (NAME=value lines), wrong lines are refused with nothing
 * changed, and every sweep started afterwards keeps them in its environment. (Other roles: StateChangeAuthorizationTest.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class EndpointServerSettingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void recordedSettingsTravelWithEverySweepRunOnTheEndpoint() throws Exception {
        long simulator = endpoints.findByName("Built-in simulator").orElseThrow().id();
        String path = "/api/endpoints/" + simulator + "/server-settings";
        mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(
                "{\"serverSettings\":\"OLLAMA_NUM_PARALLEL=4\\nOLLAMA_FLASH_ATTENTION=1\\n# a comment\\n"
                        + "OLLAMA_KV_CACHE_TYPE = q8_0\"}")).andExpect(status().isOk());
        JsonNode listed = body(get("/api/endpoints"));
        JsonNode settings = null;
        for (JsonNode endpoint : listed) {
            if (endpoint.get("id").asLong() == simulator) {
                settings = endpoint.get("serverSettings");
            }
        }
        assertThat(settings).isNotNull();
        assertThat(settings.toString()).isEqualTo("{\"OLLAMA_NUM_PARALLEL\":\"4\",\"OLLAMA_FLASH_ATTENTION\":\"1\","
                + "\"OLLAMA_KV_CACHE_TYPE\":\"q8_0\"}");

        String wrong = mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON)
                .content("{\"serverSettings\":\"parallel four\"}")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        assertThat(json.readTree(wrong).at("/fields/serverSettings").asText())
                .isEqualTo("Write each server setting as NAME=value (e.g. OLLAMA_NUM_PARALLEL=4); 'parallel four'"
                        + " is not");
        assertThat(endpoints.findById(simulator).orElseThrow().serverSettings()).as("unchanged").hasSize(3);
        mvc.perform(put("/api/endpoints/999999/server-settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"serverSettings\":\"A=1\"}")).andExpect(status().isNotFound());

        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"settings","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Hi"},"axes":{"num_gpu":[28]},"maxTokens":4}"""))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        JsonNode sweep = rest.awaitStatus(id, "FINISHED", 60);
        assertThat(sweep.at("/environment/serverSettings/OLLAMA_NUM_PARALLEL").asText()).isEqualTo("4");
        assertThat(sweep.at("/environment/serverSettings/OLLAMA_KV_CACHE_TYPE").asText()).isEqualTo("q8_0");

        mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"serverSettings\":\"\"}"))
                .andExpect(status().isOk());
        assertThat(endpoints.findById(simulator).orElseThrow().serverSettings()).as("cleared").isEmpty();
    }

    private JsonNode body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }
}
