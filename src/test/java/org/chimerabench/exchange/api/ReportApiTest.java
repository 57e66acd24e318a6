package org.chimerabench.exchange.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.UseCase;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The Markdown report of the imported rust sweep: every section, and numbers parsed back equal the analysis API. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class ReportApiTest {

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
    void reportOfTheRustSweepMatchesTheAnalysis() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();
        String md = mvc.perform(get("/api/sweeps/" + rust + "/report.md")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode analysis = json.readTree(mvc.perform(get("/api/sweeps/" + rust + "/analysis")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));

        for (String section : List.of("## 1. Executive summary", "## 2. Methodology", "## 3. Results",
                "### Per-parameter results", "## 4. Statistical validation", "## 5. Recommendation matrix",
                "## 6. Limitations", "## Appendix: every configuration")) {
            assertThat(md).contains(section);
        }
        assertThat(md).contains(String.format(Locale.ROOT, "**Success rate (share of configurations with throughput"
                        + " Δ > 0): %.0f %%** — %d of %d configurations", analysis.get("successRatePct").asDouble(),
                analysis.get("improvedConfigurations").asInt(), analysis.get("configurations").asInt()));
        assertThat(md).contains("**Verdict:** " + analysis.at("/verdict/sentence").asText() + ".");
        assertThat(md).contains("| Throughput Δ (%) | No practical difference | +0.14 | −0.02 to +0.29 |"
                + " +0.01 to +0.26 | 0.077 | 13 of 18 (p = 0.096) |");
        assertThat(md).contains("| TTFT reduction (%) | Better | +2.1 | +0.04 to +4.2 | +0.4 to +3.8 | 0.046 |"
                + " 14 of 18 (p = 0.031) |");
        assertThat(md).contains("| Axes | num_gpu: 60, 80, 120; num_ctx: 256, 512, 1024; temperature: 0.6, 0.8 |");
        assertThat(md).contains("One trial per arm").contains("Imported results");
        for (JsonNode r : analysis.get("recommendations")) {
            assertThat(md).contains("| " + UseCase.valueOf(r.get("useCase").asText()).label() + " | ");
        }

        List<String[]> appendix = appendixRows(md);
        assertThat(appendix).hasSize(18);
        JsonNode results = analysis.get("configurationResults");
        for (int i = 0; i < appendix.size(); i++) {
            String[] cells = appendix.get(i);
            JsonNode r = results.get(i);
            assertThat(Integer.parseInt(cells[1])).isEqualTo(r.at("/options/num_gpu").asInt());
            // the report rounds to the digits the data support (tok/s and Δ % to 0.01, TTFT % to 0.1)
            assertThat(number(cells[4])).isCloseTo(r.get("baselineTokPerSec").asDouble(), within(0.005 + 1e-9));
            assertThat(number(cells[5])).isCloseTo(r.get("chimeraTokPerSec").asDouble(), within(0.005 + 1e-9));
            assertThat(number(cells[6])).isCloseTo(r.get("deltaPct").asDouble(), within(0.005 + 1e-9));
            assertThat(number(cells[9])).isCloseTo(r.get("ttftReductionPct").asDouble(), within(0.05 + 1e-9));
        }
    }

    /** A displayed number back to a double: typographic minus, explicit plus. */
    private static double number(String cell) {
        return Double.parseDouble(cell.replace('−', '-'));
    }

    /** Cells of the appendix table rows (after the header and separator). */
    private static List<String[]> appendixRows(String md) {
        String appendix = md.substring(md.indexOf("## Appendix: every configuration"));
        List<String[]> rows = new ArrayList<>();
        for (String line : appendix.lines().toList()) {
            if (line.startsWith("| ") && Character.isDigit(line.charAt(2))) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                rows.add(cells);
            }
        }
        return rows;
    }
}
