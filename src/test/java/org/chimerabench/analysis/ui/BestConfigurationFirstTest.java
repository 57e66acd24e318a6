package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 27: a sweep whose configurations point opposite ways says its best configuration against the defaults first,
 * with its q-value, and the pooled verdict second — in the analysis JSON and the report. On the simulator: 12 of 28
 * layers on the GPU is far slower than Ollama's defaults, every layer with a 2,048-token context slightly faster
 * (−1.5 % of decode per doubling of the context above 2,048; the defaults use 4,096).
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class BestConfigurationFirstTest {

    static final String SWEEP = """
            {"name":"opposite answers","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_gpu":[12,28],"num_ctx":[2048]},"repetitions":20,"warmups":1,"maxTokens":16}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;

    @Test
    void theBestConfigurationIsSaidBeforeThePooledVerdict() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(SWEEP))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 120);

        JsonNode verdict = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis"))).get("verdict");
        assertThat(verdict.at("/throughputDeltaPct/outcome").asText())
                .as("the pooled verdict cannot say what the best configuration says").isNotEqualTo("BETTER");
        JsonNode best = verdict.get("best");
        assertThat(best.at("/options/num_gpu").asInt()).isEqualTo(28);
        assertThat(best.get("deltaPct").asDouble()).isBetween(0.5, 3.0); // the truth: +1.52 % (1 / 0.985 − 1)
        assertThat(best.get("qValue").asDouble()).isLessThan(0.05);
        assertThat(best.get("sentence").asText()).startsWith("Best configuration: num_gpu=28 · num_ctx=2048 —"
                + " throughput +").contains("against Ollama's defaults (q ");

        KaribuViews.setUp(context);
        try {
            UI.getCurrent().navigate("sweeps/" + id);
            ResultsPage.complete();
            Div banner = _get(VerdictBanner.class).getContent();
            Paragraph first = (Paragraph) banner.getChildren().findFirst().orElseThrow();
            assertThat(first.getClassNames()).as("the results page says the best configuration first")
                    .contains("verdict-best");
            assertThat(first.getText()).isEqualTo(best.get("sentence").asText() + ".");
            assertThat(banner.getChildren().skip(1).findFirst().orElseThrow().getClassNames())
                    .contains("verdict-sentence");
        } finally {
            KaribuViews.tearDown();
        }

        String report = mvc.perform(get("/api/sweeps/" + id + "/report.md")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(report.indexOf("**Best configuration: num\\_gpu=28 · num\\_ctx=2048")).as("said first (escaped)")
                .isPositive().isLessThan(report.indexOf("**Verdict"));
    }
}
