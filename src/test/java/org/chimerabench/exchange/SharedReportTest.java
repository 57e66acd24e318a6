package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 25: the report a share link opens names no endpoint URL, host or pid; the team's report does. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class SharedReportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReportService reports;

    @Test
    void theSharedReportLeavesOutTheInfrastructure() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"to share","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5,0.7]},
                 "repetitions":1,"maxTokens":8}""")).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 60);
        assertThat(reports.html(id).orElseThrow()).contains("http://127.0.0.1:");
        assertThat(reports.sharedHtml(id).orElseThrow()).doesNotContain("127.0.0.1").doesNotContain(" · pid ")
                .contains("Technical report: to share");
    }
}
