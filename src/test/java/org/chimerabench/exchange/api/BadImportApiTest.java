package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every bad file gets HTTP 400 naming the problem, and stores nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class BadImportApiTest {

    static final String HEADER = "language,gpu,ctx,temp,baseline_tok_s,chimera_tok_s,throughput_pct,baseline_ttft_ms,"
            + "chimera_ttft_ms,ttft_pct\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    static Stream<Arguments> badFiles() {
        String rustJson = new String(SeedFiles.read(SeedFiles.rustMetrics().get(0)), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("empty", "", "the file is empty"),
                Arguments.of("only whitespace", "  \n\n ", "the file is empty"),
                Arguments.of("plain text", "hello world\nthis is not data", "unrecognised format"),
                Arguments.of("binary", "PK\u0003\u0004\u0000\u0000zip", "binary file"),
                Arguments.of("broken JSON", "{\"baseline\": [", "not valid JSON"),
                Arguments.of("other JSON", "{\"name\": \"x\"}", "neither a Rust agent metrics.json"),
                Arguments.of("missing columns", "language,gpu,ctx\nrust,60,256\n",
                        "missing columns temp, baseline_tok_s, chimera_tok_s, baseline_ttft_ms, chimera_ttft_ms"),
                Arguments.of("header only", HEADER, "no data rows"),
                Arguments.of("non-numeric cell", HEADER + "rust,60,256,0.6,99.1,abc,0,100,90,0\n",
                        "row 2, column chimera_tok_s: 'abc' is not a number"),
                Arguments.of("fractional layer count", HEADER + "rust,60.5,256,0.6,99.1,99.2,0,100,90,0\n",
                        "column gpu: '60.5' is not a whole number"),
                Arguments.of("zero throughput", HEADER + "rust,60,256,0.6,0,99.2,0,100,90,0\n",
                        "throughput must be greater than 0"),
                Arguments.of("negative throughput", HEADER + "rust,60,256,0.6,99.1,-3,0,100,90,0\n",
                        "throughput must be greater than 0"),
                Arguments.of("negative TTFT", HEADER + "rust,60,256,0.6,99.1,99.2,0,-100,90,0\n",
                        "must not be negative"),
                Arguments.of("duplicate configuration", HEADER + "rust,60,256,0.6,99.1,99.2,0,100,90,0\n"
                        + "rust,80,256,0.6,99.1,99.2,0,100,90,0\nrust,60,256,0.6,98.0,99.0,0,100,90,0\n",
                        "duplicate configuration num_gpu=60 · num_ctx=256 · temperature=0.6"),
                Arguments.of("Rust JSON with a negative throughput",
                        rustJson.replaceFirst("\"throughput_tokens_per_sec\": [0-9.]+", "\"throughput_tokens_per_sec\": -1"),
                        "throughput must be greater than 0"),
                Arguments.of("Rust JSON with a text throughput",
                        rustJson.replaceFirst("\"throughput_tokens_per_sec\": [0-9.]+", "\"throughput_tokens_per_sec\": \"fast\""),
                        "is not a number"),
                Arguments.of("Python JSON without runs", "[]", "holds no runs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void refusedWithAClearReasonAndNothingStored(String what, String content, String reason) throws Exception {
        int before = sweepCount();
        MvcResult result = mvc.perform(post("/api/imports").param("filename", "bad-file.csv")
                        .contentType("text/csv").content(content.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest()).andReturn();
        JsonNode error = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").asText()).contains("bad-file.csv").contains(reason);
        assertThat(sweepCount()).isEqualTo(before);
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() throws Exception {
        int before = sweepCount();
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'x');
        MvcResult result = mvc.perform(post("/api/imports").param("filename", "huge.csv").contentType("text/csv")
                .content(huge)).andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("huge.csv").contains("over the limit of 20 MB per file");
        assertThat(sweepCount()).isEqualTo(before);
    }

    @Test
    void oneBadFileInAMultiFileUploadStoresNothing() throws Exception {
        int before = sweepCount();
        var upload = multipart("/api/imports")
                .file(new MockMultipartFile("files", "good.json", "application/json",
                        SeedFiles.read(SeedFiles.rustMetrics().get(0))))
                .file(new MockMultipartFile("files", "bad.csv", "text/csv", "nonsense".getBytes(StandardCharsets.UTF_8)));
        MvcResult result = mvc.perform(upload).andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("bad.csv");
        assertThat(sweepCount()).isEqualTo(before);
    }

    @Test
    void unknownSweepIs404() throws Exception {
        mvc.perform(get("/api/sweeps/987654/analysis")).andExpect(status().isNotFound());
        mvc.perform(post("/api/imports").param("into", "987654").contentType("application/json")
                        .content(SeedFiles.read(SeedFiles.rustMetrics().get(0))))
                .andExpect(status().isBadRequest());
    }

    private int sweepCount() throws Exception {
        return json.readTree(mvc.perform(get("/api/sweeps")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).size();
    }
}
