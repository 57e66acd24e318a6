package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** POST /api/examples/chimeraforge on a fresh database: the two published sweeps, once. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:examples-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
@AsAdmin
class ExampleApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void loadsTheRustAndPythonSweepsOnceWithTheAnalysisOfTheirFiles() throws Exception {
        assertThat(json.readTree(body(get("/api/sweeps"), 200))).as("fresh database").isEmpty();

        JsonNode first = json.readTree(body(post("/api/examples/chimeraforge"), 201));
        assertThat(first.get("sweepIds")).hasSize(2);
        long rust = first.get("sweepIds").get(0).asLong();
        long python = first.get("sweepIds").get(1).asLong();
        JsonNode rustSweep = json.readTree(body(get("/api/sweeps/" + rust), 200));
        assertThat(rustSweep.get("label").asText()).isEqualTo("rust");
        assertThat(rustSweep.get("name").asText()).isEqualTo("TR111 example: Rust agent");
        assertThat(rustSweep.get("description").asText()).contains("TR111").contains("MIT");
        assertThat(json.readTree(body(get("/api/sweeps/" + python), 200)).get("label").asText()).isEqualTo("python");

        JsonNode again = json.readTree(body(post("/api/examples/chimeraforge"), 200));
        assertThat(again.get("sweepIds")).as("the same sweeps, not a copy").isEqualTo(first.get("sweepIds"));
        assertThat(json.readTree(body(get("/api/sweeps"), 200))).hasSize(2);

        // the same files imported by hand give the same analysis, figure for figure
        long rustByHand = importFiles(SeedFiles.rustMetrics());
        long pythonByHand = importFiles(SeedFiles.pythonMetrics());
        assertThat(analysisWithoutId(rust)).isEqualTo(analysisWithoutId(rustByHand));
        assertThat(analysisWithoutId(python)).isEqualTo(analysisWithoutId(pythonByHand));
        JsonNode analysis = analysisWithoutId(rust);
        assertThat(analysis.get("configurations").asInt()).isEqualTo(18);
        assertThat(analysis.get("improvedConfigurations").asInt()).isEqualTo(13);
    }

    private long importFiles(List<Path> files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        for (Path file : files) {
            request.file(new MockMultipartFile("files", file.getFileName().toString(), "application/json",
                    SeedFiles.read(file)));
        }
        return json.readTree(body(request, 201)).get("sweepIds").get(0).asLong();
    }

    private JsonNode analysisWithoutId(long id) throws Exception {
        ObjectNode analysis = (ObjectNode) json.readTree(body(get("/api/sweeps/" + id + "/analysis"), 200));
        analysis.remove("sweepId");
        stripConfigurationIds(analysis);
        return analysis;
    }

    /** Configuration ids differ between two imports of the same files; everything else must not. */
    private static void stripConfigurationIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("configurationId");
        }
        node.forEach(ExampleApiTest::stripConfigurationIds);
    }

    private String body(RequestBuilder request, Integer... statuses)
            throws Exception {
        var result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isIn(
                (Object[]) statuses);
        return result.getResponse().getContentAsString();
    }
}
