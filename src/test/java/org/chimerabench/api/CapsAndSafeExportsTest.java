package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Inside the documented caps everything stores (a sweep with 900 values on one axis, a 2,000-row configurations
 * CSV); the analysis JSON never carries a non-finite number; CSV exports neutralise formula-like cells and still
 * round-trip; a comparison warns when the two sweeps are not alike. Own database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class CapsAndSafeExportsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aSweepWith900ValuesOnOneAxisStoresAndAnalyses() throws Exception {
        String values = IntStream.range(0, 900).mapToObj(i -> String.valueOf(1024 + i)).collect(Collectors.joining(","));
        String definition = """
                {"name":"900 contexts","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"num_ctx":[%s]},"maxTokens":4,
                 "warmups":0}""".formatted(values);
        long id = body(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(definition), 201)
                .get("id").asLong();
        JsonNode sweep = body(get("/api/sweeps/" + id), 200);
        assertThat(sweep.at("/definition/configurations").asInt()).isEqualTo(900);
        assertThat(sweep.at("/progress/total").asLong()).as("900 configurations × 2 arms").isEqualTo(1800);
        assertThat(sweep.at("/definition/axes/0/values")).hasSize(900);
        JsonNode analysis = body(get("/api/sweeps/" + id + "/analysis"), 200);
        assertThat(analysis.get("incompleteConfigurations").asInt()).as("not run yet").isEqualTo(900);
    }

    @Test
    void aConfigurationsCsvWith2000RowsImportsAndAnalyses() throws Exception {
        StringBuilder csv = new StringBuilder("num_gpu,num_ctx,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,"
                + "chimera_ttft_ms\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i % 100).append(',').append(1000 + i).append(',').append(100 + (i % 7)).append(',')
                    .append((100 + (i % 7)) * 1.01).append(',').append(900 + i % 11).append(',').append(880 + i % 13)
                    .append('\n');
        }
        long id = body(post("/api/imports?filename=big.csv&label=big").contentType("text/csv").content(csv.toString()),
                201).get("sweepIds").get(0).asLong();
        JsonNode analysis = body(get("/api/sweeps/" + id + "/analysis"), 200);
        assertThat(analysis.get("configurations").asInt()).isEqualTo(2000);
        assertThat(analysis.at("/verdict/throughputDeltaPct/outcome").asText()).isEqualTo("BETTER");
        assertThat(analysis.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void exportsNeutraliseFormulasAndStillRoundTrip() throws Exception {
        String csv = "num_gpu,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,chimera_ttft_ms\n-1,99,99.5,900,880\n"
                + "20,98,99,910,870\n";
        long id = body(post("/api/imports?filename=c.csv&label=neg").contentType("text/csv").content(csv), 201)
                .get("sweepIds").get(0).asLong();
        String exported = text(get("/api/sweeps/" + id + "/configurations.csv"));
        assertThat(exported.lines().skip(1).map(line -> line.split(",")[0])).containsExactly("-1", "20")
                .as("a negative number is a number, not a formula");
        long again = body(post("/api/imports?filename=again.csv&label=again").contentType("text/csv")
                .content(exported), 201).get("sweepIds").get(0).asLong();
        JsonNode first = body(get("/api/sweeps/" + id + "/analysis"), 200);
        JsonNode second = body(get("/api/sweeps/" + again + "/analysis"), 200);
        assertThat(second.get("configurationResults").get(0).get("options"))
                .isEqualTo(first.get("configurationResults").get(0).get("options"));
        assertThat(second.at("/verdict/throughputDeltaPct/meanPct").asDouble())
                .isEqualTo(first.at("/verdict/throughputDeltaPct/meanPct").asDouble());
    }

    @Test
    void aComparisonWarnsWhenTheSweepsAreNotAlike() throws Exception {
        long simulated = body(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"sim","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"num_gpu":[1]},"maxTokens":4}"""), 201)
                .get("id").asLong();
        long imported = body(post("/api/imports?filename=c.csv&label=measured").contentType("text/csv")
                .content("num_gpu,baseline_tok_s,chimera_tok_s,baseline_ttft_ms,chimera_ttft_ms\n1,99,99.5,900,880\n"),
                201).get("sweepIds").get(0).asLong();
        JsonNode compare = body(get("/api/compare?a=" + simulated + "&b=" + imported), 200);
        assertThat(compare.get("warnings")).hasSize(1);
        assertThat(compare.get("warnings").get(0).asText()).startsWith("A ran on the built-in simulator, B did not");
        assertThat(text(get("/api/compare/report.md?a=" + simulated + "&b=" + imported)))
                .contains("> **Caution:** A ran on the built-in simulator");
    }

    @Test
    void theApiJsonWritesNonFiniteNumbersAsNull() throws Exception {
        String written = json.writeValueAsString(Map.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                "values", new double[] {1.5, Double.NEGATIVE_INFINITY}));
        assertThat(json.readTree(written).get("nan").isNull()).isTrue();
        assertThat(json.readTree(written).get("inf").isNull()).isTrue();
        assertThat(written).doesNotContain("NaN").doesNotContain("Infinity");
    }

    private JsonNode body(RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }

    private String text(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
