package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.chimerabench.exchange.ParsedSweep.ParsedCall;
import org.chimerabench.exchange.ParsedSweep.ParsedConfiguration;
import org.chimerabench.exchange.ParsedSweep.ParsedTrial;
import org.chimerabench.execution.Arm;
import org.chimerabench.support.SeedFiles;
import org.junit.jupiter.api.Test;

/**
 * Each import parser on its own, on the example data. Expected values are the files' own numbers, read with
 * Python's json/csv modules (not with this code): the configuration num_gpu=80, num_ctx=512, temperature=0.8.
 */
class ParsersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> GPU80_CTX512_TEMP08 = Map.of("num_gpu", 80, "num_ctx", 512,
            "temperature", 0.8);

    @Test
    void summaryCsvGivesOneSweepPerLanguageWithOneTrialPerArm() {
        List<ParsedSweep> sweeps = SummaryCsvParser.parse("summary.csv", text(SeedFiles.summaryCsv()));
        assertThat(sweeps).extracting(ParsedSweep::label).containsExactlyInAnyOrder("rust", "python");
        ParsedSweep rust = sweeps.stream().filter(s -> s.label().equals("rust")).findFirst().orElseThrow();
        assertThat(rust.configurations()).hasSize(18);
        ParsedConfiguration c = configuration(rust);
        assertThat(c.trials()).hasSize(2).extracting(ParsedTrial::arm).containsExactlyInAnyOrder(Arm.BASELINE,
                Arm.CHIMERA);
        assertCall(call(c, Arm.BASELINE), 99.30939323822365, 3759.7126, 1483);
        assertCall(call(c, Arm.CHIMERA), 99.50226861002446, 3679.1291, 1551);
        assertThat(call(c, Arm.CHIMERA).totalMs()).isCloseTo(19314.1076, within(1e-9));
    }

    @Test
    void rustMetricsKeepEveryRunWithItsDurations() throws Exception {
        ParsedSweep rust = RustMetricsParser.parse("gpu80.json", json("rust-agent-sweep"));
        assertThat(rust.label()).isEqualTo("rust");
        assertThat(rust.model()).isEqualTo("gemma3:latest");
        assertThat(rust.fixedOptions()).isEqualTo(Map.of("top_p", 0.9, "top_k", 40, "repeat_penalty", 1.1));
        ParsedConfiguration c = configuration(rust);
        assertCall(call(c, Arm.BASELINE), 99.30939323822365, 3759.7126, 1483);
        ParsedCall chimera = call(c, Arm.CHIMERA);
        assertCall(chimera, 99.50226861002446, 3679.1291, 1551);
        assertThat(chimera.loadMs()).isCloseTo(3391.4287, within(1e-9));
        assertThat(chimera.promptEvalMs()).isCloseTo(284.647, within(1e-9));
        assertThat(chimera.evalMs()).isCloseTo(15587.5843, within(1e-9));
        assertThat(chimera.totalMs()).isCloseTo(19314.1076, within(1e-9));
    }

    @Test
    void pythonMetricsReadTheAggregateOfEachRun() throws Exception {
        ParsedSweep python = PythonMetricsParser.parse("gpu80.json", json("python-agent-sweep"));
        assertThat(python.label()).isEqualTo("python");
        ParsedConfiguration c = configuration(python);
        assertCall(call(c, Arm.BASELINE), 98.88813104893734, 1404.48725, 2306);
        assertCall(call(c, Arm.CHIMERA), 98.80088365938762, 1619.3372, 1935);
    }

    @Test
    void configurationsCsvReadsItsOwnExportBack() {
        String csv = "num_gpu,num_ctx,baseline_tok_s,chimera_tok_s,throughput_pct,baseline_ttft_ms,chimera_ttft_ms,"
                + "ttft_pct,baseline_trials,chimera_trials\n"
                + "60,2048,100.0,102.0,2.0,900.0,880.0,2.2222,1,1\n"
                + "80,2048,100.0,99.0,-1.0,900.0,910.0,-1.1111,1,1\n";
        assertThat(ConfigurationsCsv.accepts(csv.lines().findFirst().orElseThrow())).isTrue();
        ParsedSweep sweep = ConfigurationsCsv.parse("configurations.csv", csv);
        assertThat(sweep.configurations()).extracting(ParsedConfiguration::options)
                .containsExactly(Map.of("num_gpu", 60, "num_ctx", 2048), Map.of("num_gpu", 80, "num_ctx", 2048));
        assertCall(call(sweep.configurations().get(0), Arm.CHIMERA), 102.0, 880.0, null);
    }

    @Test
    void badContentIsRefusedWithTheFileAndTheProblem() {
        assertThatThrownBy(() -> SummaryCsvParser.parse("short.csv", "language,gpu\nrust,60\n"))
                .isInstanceOf(ImportException.class).hasMessageContaining("short.csv");
        assertThatThrownBy(() -> RustMetricsParser.parse("empty.json", JSON.readTree("""
                {"baseline":{"individual_runs":[]},"chimera":{"individual_runs":[],"configuration":{"num_gpu":1}}}""")))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty.json")
                .hasMessageContaining("individual_runs has no runs");
        assertThatThrownBy(() -> PythonMetricsParser.parse("noconfig.json", JSON.readTree("""
                [{"chimera_results":{"metrics":{}}}]""")))
                .isInstanceOf(ImportException.class).hasMessageContaining("noconfig.json, run 1")
                .hasMessageContaining("configuration is missing");
    }

    private static void assertCall(ParsedCall call, double tokPerSec, double ttftMs, Integer tokens) {
        assertThat(call.decodeTokPerSec()).isCloseTo(tokPerSec, within(1e-9));
        assertThat(call.ttftMs()).isCloseTo(ttftMs, within(1e-9));
        assertThat(call.evalCount()).isEqualTo(tokens);
    }

    private static ParsedConfiguration configuration(ParsedSweep sweep) {
        return sweep.configurations().stream().filter(c -> c.options().equals(GPU80_CTX512_TEMP08)).findFirst()
                .orElseThrow(() -> new AssertionError("no configuration " + GPU80_CTX512_TEMP08));
    }

    private static ParsedCall call(ParsedConfiguration configuration, Arm arm) {
        return configuration.trials().stream().filter(t -> t.arm() == arm).findFirst().orElseThrow().call();
    }

    private static JsonNode json(String folder) throws Exception {
        return JSON.readTree(SeedFiles.read(SeedFiles.dir().resolve(folder).resolve("gpu80_ctx512_temp0p8.metrics.json")));
    }

    private static String text(Path file) {
        return new String(SeedFiles.read(file), StandardCharsets.UTF_8);
    }
}
