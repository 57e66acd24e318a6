package org.chimerabench.endpoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.support.AsAdmin;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** GET/POST /api/endpoints with the pinned field names. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class EndpointApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EndpointService endpoints;

    @Test
    void listsTheSimulatorWithThePinnedFields() throws Exception {
        mvc.perform(get("/api/endpoints")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Built-in simulator"))
                .andExpect(jsonPath("$[0].baseUrl").value(Matchers.startsWith("http://127.0.0.1:")))
                .andExpect(jsonPath("$[0].simulated").value(true))
                .andExpect(jsonPath("$[0].reachable").exists())
                .andExpect(jsonPath("$[0].version").hasJsonPath())
                .andExpect(jsonPath("$[0].models").isArray());
    }

    @Test
    void registersAnEndpoint() throws Exception {
        mvc.perform(post("/api/endpoints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"gpu-9\",\"baseUrl\":\"http://127.0.0.1:9\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("gpu-9"))
                .andExpect(jsonPath("$.baseUrl").value("http://127.0.0.1:9"))
                .andExpect(jsonPath("$.simulated").value(false));
        mvc.perform(get("/api/endpoints")).andExpect(jsonPath("$[*].name", Matchers.hasItem("gpu-9")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
            "http://user:pw@127.0.0.1:11434", "gopher://127.0.0.1:70/_x", "http://metadata.google.internal/",
            "http://127.0.0.1:99999"})
    void refusesUrlsTheServerMustNotFetchAndStoresNothing(String url) throws Exception {
        int before = endpoints.list().size();
        mvc.perform(post("/api/endpoints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"evil\",\"baseUrl\":\"" + url + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.baseUrl").value(Matchers.not(Matchers.emptyOrNullString())));
        // not stored, so never checked: status checks only ever run for stored endpoints
        assertThat(endpoints.list()).hasSize(before).noneMatch(e -> e.name().equals("evil"));
    }

    @Test
    void refusesABadUrlWithAFieldError() throws Exception {
        mvc.perform(post("/api/endpoints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"bad\",\"baseUrl\":\"file:///etc/passwd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.baseUrl").value("The URL must start with http:// or https://"));
        mvc.perform(get("/api/endpoints")).andExpect(jsonPath("$[*].name", Matchers.not(Matchers.hasItem("bad"))));
    }
}
