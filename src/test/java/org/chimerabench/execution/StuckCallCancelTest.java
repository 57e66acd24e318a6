package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.TricklingOllama;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 25: a sweep's runner stuck on a server that sends {@code /api/ps}'s headers and then a byte every 2 s. Cancel
 * ends the stuck call within 2 s (it used to wait for the server, forever).
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class StuckCallCancelTest {

    @Autowired
    EndpointService endpoints;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SchedulerClient scheduler;

    @Test
    void cancelEndsASweepStuckOnATricklingServerWithinTwoSeconds() throws Exception {
        try (TricklingOllama slow = TricklingOllama.trickling("/api/ps").disarmed()) {
            endpoints.add("stuck-ps", slow.baseUrl(), null);
            RestSweeps rest = new RestSweeps(mvc, json);
            long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                    {"name":"stuck","endpoints":["stuck-ps"],"model":"m:latest",
                     "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5]},
                     "repetitions":1,"maxTokens":8}""")).andExpect(status().isCreated())).get("id").asLong();
            slow.arm(); // from now on /api/ps sends its headers, then a byte every 2 s
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            await("the runner stuck on /api/ps").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> slow.slowAnswers() > 0);
            assertThat(slow.slowAnswers()).as("the runner asked /api/ps and is stuck on it").isPositive();
            long cancelledAt = System.nanoTime();
            mvc.perform(post("/api/sweeps/" + id + "/cancel")).andExpect(status().isAccepted());
            // the job ends (its db-scheduler execution is gone) once the stuck call was aborted
            TaskInstanceId job = TaskInstanceId.of(SweepJob.NAME, "sweep-" + id);
            await("the job ends").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> scheduler.getScheduledExecution(job).isEmpty());
            assertThat(scheduler.getScheduledExecution(job)).isEmpty();
            assertThat((System.nanoTime() - cancelledAt) / 1e9).as("seconds from Cancel to the job's end")
                    .isLessThan(2.0);
            rest.awaitStatus(id, "CANCELLED", 5);
        }
    }
}
