package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Sweeps run end to end on the built-in simulator, through REST. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class SweepExecutionTest {

    static final String GRID = """
            {"name":"2x2x2 on the simulator","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_gpu":[14,28],"num_ctx":[2048,4096],"temperature":[0.6,0.8]},
             "repetitions":2,"warmups":1,"maxTokens":16}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aGridRunsToTheEndWithEveryCallStoredOnce() throws Exception {
        long id = create(GRID);
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isConflict());
        JsonNode sweep = rest().awaitStatus(id, "FINISHED", 120);
        assertThat(sweep.at("/progress/done").asInt()).isEqualTo(48);
        assertThat(sweep.get("runner").asText()).as("the instance that ran it: host and process id")
                .isEqualTo(java.net.InetAddress.getLocalHost().getHostName() + " · pid "
                        + ProcessHandle.current().pid());

        JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        assertThat(calls).hasSize(48); // 8 configurations × 2 arms × (2 repetitions + 1 warm-up)
        Set<String> keys = new HashSet<>();
        int measured = 0;
        for (JsonNode call : calls) {
            assertThat(call.get("status").asText()).isEqualTo("OK");
            assertThat(keys.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition") + "/" + call.get("warmup"))).as("no duplicates").isTrue();
            if (!call.get("warmup").asBoolean()) {
                measured++;
            }
            assertThat(call.get("evalCount").asInt()).isEqualTo(16);
            assertThat(call.get("ttftMs").asDouble()).isPositive();
        }
        assertThat(measured).isEqualTo(32);
        assertThat(sweep.at("/environment/ollamaVersion").asText()).endsWith("simulated");
        assertThat(sweep.at("/environment/layers").asInt()).isEqualTo(28);

        JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        assertThat(analysis.get("configurations").asInt()).isEqualTo(8);
        assertThat(analysis.get("minTrialsPerArm").asInt()).isEqualTo(2);
        assertThat(analysis.get("significantlyImprovedConfigurations").isNumber()).isTrue();
    }

    @Test
    void theAgentWorkflowStoresTwoCallsPerTrial() throws Exception {
        long id = create(GRID.replace("\"workload\":{\"type\":\"SINGLE_PROMPT\",\"prompt\":\"Explain GPU offloading.\"}",
                        "\"workload\":{\"type\":\"AGENT_WORKFLOW\",\"dataSummary\":\"Total files analyzed: 3\"}")
                .replace("\"num_gpu\":[14,28],\"num_ctx\":[2048,4096],", "")
                .replace("\"repetitions\":2,\"warmups\":1", "\"repetitions\":1,\"warmups\":0"));
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest().awaitStatus(id, "FINISHED", 60);
        JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        assertThat(calls).hasSize(8); // 2 configurations × 2 arms × 1 trial × 2 stages
        for (int i = 0; i < calls.size(); i += 2) {
            assertThat(calls.get(i).get("stage").asText()).isEqualTo("analysis");
            assertThat(calls.get(i + 1).get("stage").asText()).isEqualTo("report");
        }
    }

    @Test
    void theReportPromptContainsTheAnalysisResponse() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS)
                    .whenIdle(() -> FakeScript.stream("m").chunk("Finding: throughput")
                            .chunk(" is flat.").done());
            endpoints.add("fake-agent-box", fake.baseUrl(), null);
            long id = create(GRID.replace("[\"Built-in simulator\"]", "[\"fake-agent-box\"]")
                    .replace("llama3.2-sim:3b", "m")
                    .replace("\"workload\":{\"type\":\"SINGLE_PROMPT\",\"prompt\":\"Explain GPU offloading.\"}",
                            "\"workload\":{\"type\":\"AGENT_WORKFLOW\",\"dataSummary\":\"Total files analyzed: 3\"}")
                    .replace("\"num_gpu\":[14,28],\"num_ctx\":[2048,4096],\"temperature\":[0.6,0.8]",
                            "\"temperature\":[0.6]")
                    .replace("\"repetitions\":2,\"warmups\":1", "\"repetitions\":1,\"warmups\":0"));
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            rest().awaitStatus(id, "FINISHED", 60);
            var bodies = fake.requestBodies();
            assertThat(bodies).hasSize(4); // 2 arms × 2 stages
            assertThat(bodies.get(0)).contains("Total files analyzed: 3");
            assertThat(bodies.get(1)).contains("Finding: throughput is flat.");
            assertThat(bodies.get(0)).as("BASELINE: Ollama defaults, only the token cap")
                    .contains("\"options\":{\"num_predict\":16}");
            assertThat(bodies.get(2)).contains("\"temperature\":0.6").contains("\"top_k\":40")
                    .contains("\"num_predict\":16");
        }
    }

    @Autowired
    EndpointService endpoints;
    @Autowired
    SchedulerClient scheduler;

    @Test
    void cancelStopsWithinOneCallAndKeepsTheCalls() throws Exception {
        long id = create(GRID.replace("\"maxTokens\":16", "\"maxTokens\":300").replace("\"repetitions\":2",
                "\"repetitions\":20"));
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        await("3 calls stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .until(() -> rest().body(mvc.perform(get("/api/sweeps/" + id))).at("/progress/done").asInt() >= 3);
        mvc.perform(post("/api/sweeps/" + id + "/cancel")).andExpect(status().isAccepted());
        // the job ends (its db-scheduler execution is gone) once the running call was aborted; after that nothing
        // can store a call any more
        TaskInstanceId job = TaskInstanceId.of(SweepJob.NAME, "sweep-" + id);
        await("the cancelled job ends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> scheduler.getScheduledExecution(job).isEmpty());
        int done = rest().body(mvc.perform(get("/api/sweeps/" + id))).at("/progress/done").asInt();
        JsonNode sweep = rest().body(mvc.perform(get("/api/sweeps/" + id)));
        assertThat(sweep.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(sweep.at("/progress/done").asInt()).as("nothing more stored after the cancel").isEqualTo(done);
        assertThat(done).isGreaterThanOrEqualTo(3).isLessThan(sweep.at("/progress/total").asInt());
        mvc.perform(post("/api/sweeps/" + id + "/cancel")).andExpect(status().isConflict());
        JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        assertThat(analysis.get("configurations").asInt() + analysis.get("incompleteConfigurations").asInt())
                .as("the partial analysis covers the configurations reached").isPositive();
    }

    private long create(String definition) throws Exception {
        return rest().body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(definition))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private RestSweeps rest() {
        return new RestSweeps(mvc, json);
    }
}
