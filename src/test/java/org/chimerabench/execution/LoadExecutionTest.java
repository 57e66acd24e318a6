package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.sweep.Load;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load on a fake Ollama that records when each request arrived and ended: at concurrency 4 the calls of a batch
 * are in flight together, at 1 never two at once; at a request rate the arrivals follow the seeded schedule; a cancel
 * cuts off every call of a batch and stores none of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class LoadExecutionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    static String sweep(String endpoint, String load, int repetitions) {
        return """
                {"name":"load","endpoints":["%s"],"model":"m",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},%s,
                 "repetitions":%d,"maxTokens":8}""".formatted(endpoint, load, repetitions);
    }

    static FakeScript reply(Duration before) {
        return FakeScript.stream("m").after(before).chunk("a").chunk(" b").done();
    }

    @Test
    void atConcurrencyFourABatchIsInFlightTogetherAndAtOneNeverTwoAtOnce() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofMillis(80)));
            endpoints.add("load-box", fake.baseUrl(), null);
            long id = run(sweep("load-box", "\"axes\":{\"concurrency\":[1,4]}", 2));
            rest().awaitStatus(id, "FINISHED", 60);

            List<FakeOllama.Served> served = new ArrayList<>(fake.served());
            served.sort(Comparator.comparingLong(FakeOllama.Served::arrivedNanos));
            assertThat(served).hasSize(4 + 16); // concurrency 1: 2 arms × 2; concurrency 4: 2 arms × 2 batches of 4
            for (int i = 1; i < 4; i++) {
                assertThat(served.get(i).arrivedNanos()).as("concurrency 1: call %s starts after the last ended", i)
                        .isGreaterThanOrEqualTo(served.get(i - 1).finishedNanos());
            }
            for (int batch = 0; batch < 4; batch++) {
                List<FakeOllama.Served> calls = served.subList(4 + 4 * batch, 8 + 4 * batch);
                long lastArrival = calls.stream().mapToLong(FakeOllama.Served::arrivedNanos).max().orElseThrow();
                long firstEnd = calls.stream().mapToLong(FakeOllama.Served::finishedNanos).min().orElseThrow();
                assertThat(lastArrival).as("batch %s: all 4 in flight together", batch).isLessThan(firstEnd);
                if (batch > 0) {
                    assertThat(calls.get(0).arrivedNanos()).as("batches follow each other")
                            .isGreaterThanOrEqualTo(served.subList(4 * batch, 4 + 4 * batch).stream()
                                    .mapToLong(FakeOllama.Served::finishedNanos).max().orElseThrow());
                }
            }

            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(20);
            for (JsonNode call : calls) {
                int concurrency = call.get("concurrency").asInt();
                assertThat(concurrency).isIn(1, 4);
                assertThat(call.get("slot").asInt()).isBetween(0, concurrency - 1);
                assertThat(call.get("queueMs").asDouble()).isNotNegative();
                assertThat(call.at("/options/concurrency").asInt()).isEqualTo(concurrency);
            }
            assertThat(fake.requestBodies()).as("the load is never sent as an option")
                    .noneMatch(body -> body.contains("concurrency"));
        }
    }

    @Test
    void atARequestRateTheArrivalsFollowTheSeededSchedule() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofMillis(20)));
            endpoints.add("rate-box", fake.baseUrl(), null);
            long id = run(sweep("rate-box", "\"requestRate\":10,\"axes\":{\"num_ctx\":[2048]}", 1));
            rest().awaitStatus(id, "FINISHED", 60);

            List<FakeOllama.Served> served = new ArrayList<>(fake.served());
            served.sort(Comparator.comparingLong(FakeOllama.Served::arrivedNanos));
            assertThat(served).hasSize(2 * Load.RATE_BATCH_REQUESTS);
            // repetition 1 runs the baseline first; the sweep has no shuffle seed (0); configuration 0
            long[] expected = Arrivals.poisson(Arrivals.seed(0, 0, Arm.BASELINE, 1, false), 10,
                    Load.RATE_BATCH_REQUESTS);
            // the schedule's start as the server saw it: the median of arrival − planned offset (a connection
            // opened for one request alone must not shift the others)
            long[] starts = new long[expected.length];
            for (int i = 0; i < expected.length; i++) {
                starts[i] = served.get(i).arrivedNanos() - expected[i];
            }
            java.util.Arrays.sort(starts);
            long start = starts[starts.length / 2];
            for (int i = 0; i < expected.length; i++) {
                double offByMs = (served.get(i).arrivedNanos() - start - expected[i]) / 1e6;
                assertThat(Math.abs(offByMs)).as("request %s arrives on schedule (%.3f ms off)", i, offByMs)
                        .isLessThanOrEqualTo(5.0);
            }
            assertThat(expected[expected.length - 1]).as("a real spread: 8 arrivals at 10/s take about 0.7 s")
                    .isGreaterThan(200_000_000L);
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).allSatisfy(call -> assertThat(call.get("requestRate").asDouble()).isEqualTo(10.0));
        }
    }

    @Test
    void aCancelCutsOffEveryCallOfTheBatchAndStoresNoneOfIt() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofSeconds(3)));
            endpoints.add("slow-box", fake.baseUrl(), null);
            long id = run(sweep("slow-box", "\"concurrency\":4,\"axes\":{\"num_ctx\":[2048]}", 1));
            long until = System.currentTimeMillis() + 10_000;
            while (fake.requestBodies().size() < 4 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(fake.requestBodies()).as("the first batch is in flight").hasSize(4);
            mvc.perform(post("/api/sweeps/" + id + "/cancel")).andExpect(status().isAccepted());
            rest().awaitStatus(id, "CANCELLED", 10);
            Thread.sleep(3500); // longer than a call: a call left running would have ended by now
            assertThat(fake.served()).as("every call of the batch was cut off").isEmpty();
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).as("nothing of a cut-off batch is stored").isEmpty();
        }
    }

    private long run(String definition) throws Exception {
        long id = rest().body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                .content(definition)).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        return id;
    }

    private RestSweeps rest() {
        return new RestSweeps(mvc, json);
    }
}
