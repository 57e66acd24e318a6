package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
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
        long id = new RestSweeps(mvc, json).finishedOnSimulator("to share");
        assertThat(reports.html(id).orElseThrow()).contains("http://127.0.0.1:");
        assertThat(reports.sharedHtml(id).orElseThrow()).doesNotContain("127.0.0.1").doesNotContain(" · pid ")
                .contains("Technical report: to share");
    }
}
