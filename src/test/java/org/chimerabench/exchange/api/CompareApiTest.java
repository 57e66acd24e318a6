package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/compare on the seed's rust and python sweeps. Reference values: SciPy 1.17.1 / NumPy 2.4.6 on the
 * seed CSV — {@code st.ttest_ind(rust, python, equal_var=False)} and Cohen's d with the pooled SD
 * ({@code (a.mean()-b.mean()) / sqrt(((na-1)*a.var(ddof=1)+(nb-1)*b.var(ddof=1))/(na+nb-2))}); tolerance 1e-9
 * relative.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class CompareApiTest {

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

    @Test
    void rustVersusPythonMatchesScipy() throws Exception {
        SeedSweeps seed = SeedSweeps.importSummaryCsv(context);
        long rust = seed.rust();
        long python = seed.python();
        JsonNode compare = json.readTree(mvc.perform(get("/api/compare").param("a", "" + rust).param("b", "" + python))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(compare.at("/a/id").asLong()).isEqualTo(rust);
        assertThat(compare.at("/a/label").asText()).isEqualTo("rust");
        assertThat(compare.at("/b/label").asText()).isEqualTo("python");
        assertThat(compare.at("/successRatePct/a").asDouble()).isCloseTo(72.2, within(0.05));
        assertThat(compare.at("/successRatePct/b").asDouble()).isCloseTo(38.9, within(0.05));

        JsonNode chimera = compare.at("/metrics/chimeraTokPerSec");
        close(chimera.get("meanA").asDouble(), 98.89779965129706);
        close(chimera.get("meanB").asDouble(), 99.1355517945737);
        close(chimera.get("difference").asDouble(), 98.89779965129706 - 99.1355517945737);
        close(chimera.get("welchT").asDouble(), -1.4747192512074834);
        close(chimera.get("pValue").asDouble(), 0.14967719242117727);
        close(chimera.get("cohensD").asDouble(), -0.49157308373582775);

        JsonNode baseline = compare.at("/metrics/baselineTokPerSec");
        close(baseline.get("welchT").asDouble(), -2.4419550862200947);
        close(baseline.get("pValue").asDouble(), 0.021773524274967856);
        close(baseline.get("cohensD").asDouble(), -0.8139850287400314);
        JsonNode delta = compare.at("/metrics/throughputDeltaPct");
        close(delta.get("welchT").asDouble(), 0.27152102738041284);
        close(delta.get("pValue").asDouble(), 0.7881494218972048);
        JsonNode ttft = compare.at("/metrics/ttftReductionPct");
        close(ttft.get("welchT").asDouble(), 2.387593759952283);
        close(ttft.get("cohensD").asDouble(), 0.795864586650761);
        JsonNode ttftMs = compare.at("/metrics/ttftMs");
        close(ttftMs.get("welchT").asDouble(), 28.887936283700235);
        close(ttftMs.get("pValue").asDouble(), 4.936795383043307e-19);

        assertThat(compare.get("sharedConfigurations")).hasSize(18);
        JsonNode first = compare.get("sharedConfigurations").get(0);
        close(first.get("deltaOfDelta").asDouble(), first.get("deltaPctA").asDouble() - first.get("deltaPctB").asDouble());
        assertThat(compare.at("/leftOut/configurationsOnlyInA").asInt()).isZero();

        String md = mvc.perform(get("/api/compare/report.md").param("a", "" + rust).param("b", "" + python))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("| Success rate (Δ > 0) | 72 % | 39 % |")
                .contains("| Chimera throughput (tok/s) | 98.9 | 99.1 | −0.2 | −1.47 | 0.150 | −0.49 |")
                .contains("- Tuned throughput: rust 98.9 tok/s vs python 99.1 tok/s — no significant difference"
                        + " (Welch p = 0.150, |d| = 0.49, small).")
                .contains("- Tuned time to first token: rust 3749 ms vs python 1559 ms — python better by 2190 ms"
                        + " (Welch p < 0.001, |d| = 9.63, large).");
        assertThat(compare.at("/winners/ttftReductionPct").asText()).isEqualTo("First-token gain from tuning: rust"
                + " 2.1 % vs python −9.4 % — rust better by 11.5 percentage points (Welch p = 0.028, |d| = 0.80,"
                + " medium).");
        assertThat(compare.at("/a/verdict").asText()).startsWith("Tuned options: no practical throughput difference");
    }

    @Test
    void unknownSweepIs404() throws Exception {
        mvc.perform(get("/api/compare").param("a", "99999").param("b", "99998")).andExpect(status().isNotFound());
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }
}
