package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API describes itself (springdoc): the sweep endpoints and the definition schema a client must send. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class OpenApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void theSweepApiAndTheDefinitionSchemaAreDescribed() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode paths = api.get("paths");
        assertThat(paths.at("/~1api~1sweeps/post/requestBody/content/application~1json/schema/$ref").asText())
                .as("POST /api/sweeps takes a SweepDefinition").isEqualTo("#/components/schemas/SweepDefinition");
        assertThat(paths.at("/~1api~1sweeps~1{id}~1start/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1sweeps~1{id}~1cancel/post").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1sweeps~1{id}~1calls/get").isMissingNode()).isFalse();
        assertThat(paths.at("/~1api~1endpoints/post").isMissingNode()).isFalse();

        JsonNode definition = api.at("/components/schemas/SweepDefinition");
        assertThat(definition.get("required")).extracting(JsonNode::asText)
                .contains("name", "endpoints", "model", "workload", "axes");
        assertThat(definition.get("properties").fieldNames()).toIterable().contains("endpoints", "axes",
                "fixedOptions", "baselineOptions", "repetitions", "warmups", "maxTokens", "coldStart", "order",
                "shuffleSeed", "promptVariation", "timeouts", "confirmLarge");
        assertThat(definition.at("/properties/maxTokens/description").asText()).contains("num_predict");
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
