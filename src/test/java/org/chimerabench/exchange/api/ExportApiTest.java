package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Exports: raw calls (JSON and CSV), configurations CSV, and the round trip export → import → same analysis. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class ExportApiTest {

    /** Identifiers differ between the original and the re-imported sweep; everything else must be equal. */
    static final Set<String> IDS = Set.of("sweepId", "configurationId");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ImportService imports;
    @Autowired
    AnalysisService analyses;

    long rust;

    @BeforeEach
    void importSeed() {
        rust = SeedSweeps.importSummaryCsv(context).rust();
    }

    @Test
    void configurationsCsvRoundTripReproducesTheAnalysis() throws Exception {
        String csv = body(mvc.perform(get("/api/sweeps/" + rust + "/configurations.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse()
                .getContentAsByteArray());
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("num_gpu,num_ctx,temperature,baseline_tok_s,chimera_tok_s,throughput_pct,");
        assertThat(lines).hasSize(19);

        JsonNode created = json.readTree(body(mvc.perform(post("/api/imports").param("filename", "rust-configurations.csv")
                        .param("label", "rust").contentType("text/csv").content(csv))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsByteArray()));
        long copy = created.get("sweepIds").get(0).asLong();
        JsonNode original = analysis(rust);
        JsonNode reimported = analysis(copy);
        assertSame("", original, reimported);
    }

    @Test
    void callsAsJsonAndCsv() throws Exception {
        JsonNode calls = json.readTree(body(mvc.perform(get("/api/sweeps/" + rust + "/calls")
                .accept("application/json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()));
        assertThat(calls).hasSize(36);
        JsonNode first = calls.get(0);
        for (String field : List.of("id", "configurationId", "options", "arm", "repetition", "stage", "warmup", "status",
                "error", "endpoint", "ttftMs", "decodeTokPerSec", "loadMs", "promptEvalMs", "evalCount", "e2eMs",
                "itlP99Ms", "tpotMs", "prefillTokPerSec", "gpuOffloadPct", "doneReason", "totalMs")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("arm").asText()).isIn("BASELINE", "CHIMERA");
        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.at("/options/num_gpu").asInt()).isEqualTo(60);

        String csv = body(mvc.perform(get("/api/sweeps/" + rust + "/calls").accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(37);
        assertThat(lines.get(0)).startsWith("id,configurationId,options,arm,repetition,stage,warmup,status,error,endpoint");
        assertThat(lines.get(1)).contains("\"{\"\"num_gpu\"\":60,\"\"num_ctx\"\":256,\"\"temperature\"\":0.6}\"");
    }

    private JsonNode analysis(long id) throws Exception {
        return json.readTree(body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andReturn().getResponse()
                .getContentAsByteArray()));
    }

    /** Every number equal within 1e-12 relative; every text and structure equal; ids skipped. */
    private static void assertSame(String path, JsonNode a, JsonNode b) {
        if (a.isNumber()) {
            assertThat(b.isNumber()).as(path).isTrue();
            assertThat(b.asDouble()).as(path).isCloseTo(a.asDouble(), within(Math.abs(a.asDouble()) * 1e-12));
        } else if (a.isObject()) {
            assertThat(b.isObject()).as(path).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!IDS.contains(field.getKey())) {
                    assertSame(path + "/" + field.getKey(), field.getValue(), b.get(field.getKey()));
                }
            }
            assertThat(b.size()).as(path).isEqualTo(a.size());
        } else if (a.isArray()) {
            assertThat(b.size()).as(path).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                assertSame(path + "/" + i, a.get(i), b.get(i));
            }
        } else {
            assertThat(b).as(path).isEqualTo(a);
        }
    }

    private static String body(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
