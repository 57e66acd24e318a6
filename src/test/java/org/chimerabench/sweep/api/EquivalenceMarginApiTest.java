package org.chimerabench.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.support.AsOperator;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The verdict in the analysis JSON, and the per-sweep equivalence margin that steers it. */
@SpringBootTest
@AutoConfigureMockMvc
@AsOperator
class EquivalenceMarginApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;

    @Test
    void theVerdictIsPinnedInTheAnalysisAndFollowsTheMargin() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();
        JsonNode verdict = json.readTree(body(get("/api/sweeps/" + rust + "/analysis"), 200)).get("verdict");
        assertThat(verdict.get("throughputDeltaPct").get("outcome").asText()).isEqualTo("EQUIVALENT");
        assertThat(verdict.get("throughputDeltaPct").get("marginPct").asDouble()).as("imported: the default")
                .isEqualTo(1.0);
        assertThat(verdict.get("ttftReductionPct").get("outcome").asText()).isEqualTo("BETTER");
        assertThat(verdict.get("throughputDeltaPct").fieldNames()).toIterable().containsExactlyInAnyOrder("outcome",
                "meanPct", "ci95Low", "ci95High", "ci90Low", "ci90High", "marginPct", "pValue", "improved",
                "configurations", "signTestP");
        assertThat(verdict.get("sentence").asText()).startsWith("Tuned options: no practical throughput difference");

        // a margin tighter than the 90 % CI's upper end (+0.265 %) makes "no practical difference" unprovable
        JsonNode sweep = json.readTree(body(margin(rust, "{\"equivalenceMarginPct\":0.2}"), 200));
        assertThat(sweep.get("equivalenceMarginPct").asDouble()).isEqualTo(0.2);
        verdict = json.readTree(body(get("/api/sweeps/" + rust + "/analysis"), 200)).get("verdict");
        assertThat(verdict.get("throughputDeltaPct").get("outcome").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.get("sentence").asText()).contains("throughput effect unclear (+0.14 %, 95 % CI −0.02 to"
                + " +0.29 %)");
    }

    @Test
    void badMarginsAreRefusedWithAClearMessageAndChangeNothing() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();
        for (String bad : new String[] {"{\"equivalenceMarginPct\":0}", "{\"equivalenceMarginPct\":-1}",
                "{\"equivalenceMarginPct\":51}", "{\"equivalenceMarginPct\":\"two\"}", "{}", "[]"}) {
            JsonNode error = json.readTree(body(margin(rust, bad), 400));
            assertThat(error.get("fields").get("equivalenceMarginPct").asText()).as(bad)
                    .containsAnyOf("more than 0 % and at most 50 %", "as a number of %");
        }
        assertThat(json.readTree(body(get("/api/sweeps/" + rust), 200)).get("equivalenceMarginPct").asDouble())
                .isEqualTo(1.0);
        assertThat(body(margin(999_999, "{\"equivalenceMarginPct\":2}"), 404)).contains("999999");
    }

    private static RequestBuilder margin(long sweep, String body) {
        return put("/api/sweeps/" + sweep + "/equivalence-margin").contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private String body(RequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
