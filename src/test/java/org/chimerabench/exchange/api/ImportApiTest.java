package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedFiles;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** POST /api/imports with the three seed formats, through the REST API into the database and back. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class ImportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void summaryCsvCreatesOneSweepPerLanguage() throws Exception {
        int before = sweepCount();
        JsonNode created = importCsv();
        assertThat(created.get("sweepIds")).hasSize(2);
        assertThat(sweepCount()).isEqualTo(before + 2);

        JsonNode rust = sweepLabelled(created, "rust");
        assertThat(rust.get("imported").asBoolean()).isTrue();
        assertThat(rust.get("sourceFile").asText()).isEqualTo("rust_vs_python_sweep_summary.csv");
        assertThat(rust.get("status").asText()).isEqualTo("IMPORTED");
        JsonNode definition = rust.get("definition");
        assertThat(definition.get("axes").findValuesAsText("option")).containsExactly("num_gpu", "num_ctx", "temperature");
        assertThat(definition.get("axes").get(0).get("values").toString()).isEqualTo("[60,80,120]");
        assertThat(definition.get("axes").get(2).get("values").toString()).isEqualTo("[0.6,0.8]");
        assertThat(definition.get("fixedOptions").toString()).isEqualTo("{\"top_p\":0.9,\"top_k\":40,\"repeat_penalty\":1.1}");
        assertThat(definition.get("configurations").asInt()).isEqualTo(18);
        assertThat(rust.get("progress").get("done").asInt()).isEqualTo(36);

        JsonNode analysis = analysis(rust.get("id").asLong());
        assertThat(analysis.get("label").asText()).isEqualTo("rust");
        assertThat(analysis.get("configurations").asInt()).isEqualTo(18);
        assertThat(analysis.get("improvedConfigurations").asInt()).isEqualTo(13);
        assertThat(analysis.get("successRatePct").asDouble()).isCloseTo(72.22, within(0.005));
        JsonNode delta = analysis.get("throughputDeltaPct");
        assertThat(delta.get("n").asInt()).isEqualTo(18);
        assertThat(delta.get("mean").asDouble()).isCloseTo(0.138, within(0.001));
        assertThat(delta.get("ci95Low").asDouble()).isCloseTo(-0.016, within(0.001));
        assertThat(delta.get("ci95High").asDouble()).isCloseTo(0.292, within(0.001));
        assertThat(delta.get("pValueTwoSided").asDouble()).isCloseTo(0.076, within(0.001));
        assertThat(analysis.get("recommendations")).hasSize(4);
    }

    @Test
    void analysisJsonHasThePinnedFieldNames() throws Exception {
        JsonNode analysis = analysis(sweepLabelled(importCsv(), "rust").get("id").asLong());
        assertThat(fieldNames(analysis)).contains("sweepId", "label", "configurations", "improvedConfigurations",
                "successRatePct", "throughputDeltaPct", "ttftReductionPct", "throughput", "ttftMs", "byParameter",
                "topByThroughput", "topByTtft", "recommendations");
        for (String test : List.of("throughputDeltaPct", "ttftReductionPct")) {
            assertThat(fieldNames(analysis.get(test))).contains("n", "mean", "stdDev", "ci95Low", "ci95High",
                    "tStatistic", "pValueTwoSided", "pValueOneSided");
        }
        for (String distribution : List.of("throughput", "ttftMs")) {
            assertThat(fieldNames(analysis.get(distribution))).contains("min", "q1", "median", "q3", "max", "mean",
                    "stdDev", "cvPct");
        }
        JsonNode gpuRow = analysis.get("byParameter").get("num_gpu").get(0);
        assertThat(fieldNames(gpuRow)).contains("value", "configurations", "improved", "positiveRatePct",
                "meanDeltaPct", "best");
        assertThat(gpuRow.get("value").isTextual()).isTrue();
        assertThat(fieldNames(gpuRow.get("best"))).contains("options", "deltaPct");
        assertThat(fieldNames(analysis.get("topByThroughput").get(0))).contains("options", "baselineTokPerSec",
                "chimeraTokPerSec", "deltaPct", "ttftReductionPct");
        assertThat(analysis.get("topByThroughput").get(0).get("options").get("num_gpu").isInt()).isTrue();
        assertThat(fieldNames(analysis.get("recommendations").get(0))).contains("useCase", "options", "deltaPct",
                "ttftReductionPct", "rule");
        assertThat(analysis.get("recommendations").findValuesAsText("useCase"))
                .containsExactly("MAX_THROUGHPUT", "BALANCED", "CONSISTENCY", "RESOURCE_EFFICIENT");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void eighteenRustMetricsFilesInOneUploadMakeOneSweepMatchingTheCsv() throws Exception {
        List<Path> files = SeedFiles.rustMetrics();
        assertThat(files).hasSize(18);
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/imports");
        for (Path file : files) {
            upload.file(new MockMultipartFile("files", file.getFileName().toString(), "application/json",
                    SeedFiles.read(file)));
        }
        JsonNode created = body(mvc.perform(upload).andExpect(status().isCreated()));
        assertThat(created.get("sweepIds")).hasSize(1);
        long id = created.get("sweepIds").get(0).asLong();

        JsonNode sweep = body(mvc.perform(get("/api/sweeps/" + id)).andExpect(status().isOk()));
        assertThat(sweep.get("label").asText()).isEqualTo("rust");
        assertThat(sweep.get("model").asText()).isEqualTo("gemma3:latest");
        assertThat(sweep.get("sourceFile").asText()).startsWith("18 files: gpu120_ctx1024_temp0p6.metrics.json");
        assertThat(sweep.get("definition").get("fixedOptions").toString())
                .isEqualTo("{\"repeat_penalty\":1.1,\"top_k\":40,\"top_p\":0.9}"); // f32 noise removed

        JsonNode analysis = analysis(id);
        assertThat(analysis.get("configurations").asInt()).isEqualTo(18);
        Map<String, Double> csvDeltas = csvDeltas("rust");
        for (JsonNode result : analysis.get("configurationResults")) {
            String key = key(result.get("options"));
            assertThat(csvDeltas).containsKey(key);
            assertThat(result.get("deltaPct").asDouble()).as(key).isCloseTo(csvDeltas.get(key), within(1e-9));
        }
        assertThat(analysis.get("improvedConfigurations").asInt()).isEqualTo(13);
    }

    @Test
    void appendingFilesIntoAnExistingSweep() throws Exception {
        List<Path> files = SeedFiles.rustMetrics();
        JsonNode first = body(mvc.perform(post("/api/imports").param("filename", files.get(0).getFileName().toString())
                .contentType(MediaType.APPLICATION_JSON).content(SeedFiles.read(files.get(0))))
                .andExpect(status().isCreated()));
        long id = first.get("sweepIds").get(0).asLong();
        for (Path file : files.subList(1, 3)) {
            mvc.perform(post("/api/imports").param("into", String.valueOf(id)).contentType(MediaType.APPLICATION_JSON)
                            .content(SeedFiles.read(file)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.sweepIds[0]").value(id));
        }
        assertThat(analysis(id).get("configurations").asInt()).isEqualTo(3);

        // the same file again is a duplicate configuration: refused, nothing added
        mvc.perform(post("/api/imports").param("into", String.valueOf(id)).contentType(MediaType.APPLICATION_JSON)
                        .content(SeedFiles.read(files.get(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("duplicate configuration")));
        assertThat(analysis(id).get("configurations").asInt()).isEqualTo(3);
    }

    @Test
    void pythonMetricsFilesImportAsOnePythonSweep() throws Exception {
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/imports");
        for (Path file : SeedFiles.pythonMetrics()) {
            upload.file(new MockMultipartFile("files", file.getFileName().toString(), "application/json",
                    SeedFiles.read(file)));
        }
        JsonNode created = body(mvc.perform(upload.param("label", "python agent")).andExpect(status().isCreated()));
        JsonNode analysis = analysis(created.get("sweepIds").get(0).asLong());
        assertThat(analysis.get("label").asText()).isEqualTo("python agent");
        assertThat(analysis.get("configurations").asInt()).isEqualTo(18);
        Map<String, Double> csvDeltas = csvDeltas("python");
        for (JsonNode result : analysis.get("configurationResults")) {
            assertThat(result.get("deltaPct").asDouble())
                    .isCloseTo(csvDeltas.get(key(result.get("options"))), within(1e-9));
        }
        assertThat(analysis.get("improvedConfigurations").asInt()).isEqualTo(7);
    }

    private JsonNode importCsv() throws Exception {
        return body(mvc.perform(post("/api/imports").param("filename", "rust_vs_python_sweep_summary.csv")
                        .contentType("text/csv").content(SeedFiles.read(SeedFiles.summaryCsv())))
                .andExpect(status().isCreated()));
    }

    private JsonNode sweepLabelled(JsonNode created, String label) throws Exception {
        for (JsonNode id : created.get("sweepIds")) {
            JsonNode sweep = body(mvc.perform(get("/api/sweeps/" + id.asLong())).andExpect(status().isOk()));
            if (label.equals(sweep.get("label").asText())) {
                return sweep;
            }
        }
        throw new AssertionError("no sweep labelled " + label);
    }

    private JsonNode analysis(long id) throws Exception {
        return body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
    }

    private int sweepCount() throws Exception {
        return body(mvc.perform(get("/api/sweeps")).andExpect(status().isOk())).size();
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String key(JsonNode options) {
        return options.get("num_gpu").asInt() + "/" + options.get("num_ctx").asInt() + "/"
                + options.get("temperature").asDouble();
    }

    /** throughput_pct of the CSV rows of one language, keyed gpu/ctx/temp — read with plain Java, not our parser. */
    static Map<String, Double> csvDeltas(String language) {
        Map<String, Double> deltas = new HashMap<>();
        List<String> lines = new String(SeedFiles.read(SeedFiles.summaryCsv()), StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[0].equals(language)) {
                deltas.put(Integer.parseInt(cells[1]) + "/" + Integer.parseInt(cells[2]) + "/"
                        + Double.parseDouble(cells[3]), Double.parseDouble(cells[6]));
            }
        }
        return deltas;
    }
}
