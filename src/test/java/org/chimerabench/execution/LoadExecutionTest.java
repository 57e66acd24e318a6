package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.chimerabench.support.PostgresTestDatabase;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.support.TimingSensitive;
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
@TimingSensitive
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
        try (FakeOllama fake = FakeOllama.start(); GcPauses pauses = GcPauses.record()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofMillis(20)));
            endpoints.add("rate-box", fake.baseUrl(), null);
            // with a warm-up, as a user would run it: the first batch of a fresh JVM also loads the client's classes
            // a sampling option: no model reload between the arms, so nothing but the batches themselves is timed
            long id = run(sweep("rate-box", "\"requestRate\":10,\"warmups\":1,\"axes\":{\"temperature\":[0.5]}", 1));
            rest().awaitStatus(id, "FINISHED", 60);

            List<FakeOllama.Served> all = new ArrayList<>(fake.served());
            all.sort(Comparator.comparingLong(FakeOllama.Served::arrivedNanos));
            assertThat(all).hasSize(4 * Load.RATE_BATCH_REQUESTS); // warm-up and repetition 1, both arms
            // repetition 1 runs the baseline batch first, then the chimera one; no shuffle seed (0); configuration 0
            List<Double> offsMs = new ArrayList<>();
            long[] expected = null;
            for (Arm arm : new Arm[] {Arm.BASELINE, Arm.CHIMERA}) {
                int first = (arm == Arm.BASELINE ? 2 : 3) * Load.RATE_BATCH_REQUESTS;
                List<FakeOllama.Served> served = all.subList(first, first + Load.RATE_BATCH_REQUESTS);
                expected = Arrivals.poisson(Arrivals.seed(0, 0, arm, 1, false), 10, Load.RATE_BATCH_REQUESTS);
                // the schedule's start as the server saw it: the median of arrival − planned offset
                long[] starts = new long[expected.length];
                for (int i = 0; i < expected.length; i++) {
                    starts[i] = served.get(i).arrivedNanos() - expected[i];
                }
                java.util.Arrays.sort(starts);
                long start = starts[starts.length / 2];
                for (int i = 0; i < expected.length; i++) {
                    offsMs.add((served.get(i).arrivedNanos() - start - expected[i]) / 1e6);
                }
            }
            if (PostgresTestDatabase.serverUrl() != null) {
                // the timing is the JVM's, not the database's, and is asserted in the H2 pass: in the PostgreSQL pass a
                // PostgreSQL server shares the 2 cores (one such pass here had 2 of 16 arrivals 6.5 and 7.9 ms late)
                return;
            }
            // client, fake server and app share this JVM on 2 cores: the client wakes within ~1 ms of each arrival
            // time, but the fake's own threads and this JVM's GC pauses (up to ~50 ms here) can hold one up; at most
            // one of 16 may be more than 5 ms off without a GC pause over it (the JVM stopped, not the schedule: CI
            // saw 2 of 16 at +17.5 and +11.7 ms once), and then by less than 30 ms
            long onTime = 0;
            for (int i = 0; i < offsMs.size(); i++) {
                double off = offsMs.get(i);
                long arrived = all.get(2 * Load.RATE_BATCH_REQUESTS + i).arrivedNanos();
                onTime += Math.abs(off) <= 5.0 || pauses.overlap(arrived - (long) (off * 1e6), arrived) ? 1 : 0;
            }
            assertThat(onTime).as("arrivals within 5 ms of the schedule or held up by a GC pause; ms off: %s",
                    offsMs).isGreaterThanOrEqualTo(15);
            for (int i = 0; i < offsMs.size(); i++) {
                double off = offsMs.get(i);
                long arrived = all.get(2 * Load.RATE_BATCH_REQUESTS + i).arrivedNanos();
                assertThat(Math.abs(off) < 30.0 || pauses.overlap(arrived - (long) (off * 1e6), arrived))
                        .as("request %s is %.1f ms off without a GC pause to explain it; all: %s", i, off, offsMs)
                        .isTrue();
            }
            assertThat(expected[expected.length - 1]).as("a real spread: 8 arrivals at 10/s take about 0.7 s")
                    .isGreaterThan(200_000_000L);
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).allSatisfy(call -> assertThat(call.get("requestRate").asDouble()).isEqualTo(10.0));
        }
    }

    @Test
    void inAFleetEachConfigurationsBatchesRunOnItsOwnEndpoint() throws Exception {
        try (FakeOllama a = FakeOllama.start(); FakeOllama b = FakeOllama.start()) {
            for (FakeOllama fake : List.of(a, b)) {
                fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofMillis(80)));
            }
            endpoints.add("load-fleet-a", a.baseUrl(), null);
            endpoints.add("load-fleet-b", b.baseUrl(), null);
            long id = run("""
                    {"name":"load fleet","endpoints":["load-fleet-a","load-fleet-b"],"model":"m",
                     "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                     "axes":{"concurrency":[2,4]},"repetitions":1,"maxTokens":8}""");
            rest().awaitStatus(id, "FINISHED", 60);
            // round robin: concurrency 2 on a, concurrency 4 on b; each endpoint's batches in flight together
            assertThat(a.served()).as("2 calls × 2 arms").hasSize(4);
            assertThat(b.served()).as("4 calls × 2 arms").hasSize(8);
            for (FakeOllama fake : List.of(a, b)) {
                List<FakeOllama.Served> served = new ArrayList<>(fake.served());
                served.sort(Comparator.comparingLong(FakeOllama.Served::arrivedNanos));
                int size = served.size() / 2;
                for (int batch = 0; batch < 2; batch++) {
                    List<FakeOllama.Served> calls = served.subList(batch * size, (batch + 1) * size);
                    assertThat(calls.stream().mapToLong(FakeOllama.Served::arrivedNanos).max().orElseThrow())
                            .as("a batch of %s in flight together", size)
                            .isLessThan(calls.stream().mapToLong(FakeOllama.Served::finishedNanos).min().orElseThrow());
                }
            }
        }
    }

    @Test
    void aCancelCutsOffEveryCallOfTheBatchAndStoresNoneOfIt() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofSeconds(3)));
            endpoints.add("slow-box", fake.baseUrl(), null);
            long id = run(sweep("slow-box", "\"concurrency\":4,\"axes\":{\"num_ctx\":[2048]}", 1));
            await("the first batch is in flight").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> fake.requestBodies().size() >= 4);
            assertThat(fake.requestBodies()).as("the first batch is in flight").hasSize(4);
            mvc.perform(post("/api/sweeps/" + id + "/cancel")).andExpect(status().isAccepted());
            rest().awaitStatus(id, "CANCELLED", 10);
            Thread.sleep(3500); // longer than a call: a call left running would have ended by now
            assertThat(fake.served()).as("every call of the batch was cut off").isEmpty();
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).as("nothing of a cut-off batch is stored").isEmpty();
        }
    }

    @Test
    void aBatchCutOffByARestartRunsAgainWhole() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> reply(Duration.ofMillis(30)));
            endpoints.add("resume-box", fake.baseUrl(), null);
            long id = run(sweep("resume-box", "\"concurrency\":4,\"axes\":{\"num_ctx\":[2048]}", 2));
            rest().awaitStatus(id, "FINISHED", 60);
            List<Long> before = callIds(id);
            assertThat(before).hasSize(16); // 4 batches of 4: B C (repetition 1), C B (repetition 2)

            // what a kill -9 in the third batch leaves behind: its trials RUNNING, the fourth batch PENDING, the
            // sweep RUNNING with its job due (a batch's calls are stored together, so none of the two are stored)
            jdbc.update("DELETE FROM call_record WHERE trial_id IN (SELECT id FROM trial WHERE sweep_id = ?"
                    + " AND repetition = 2)", id);
            jdbc.update("UPDATE trial SET status = CASE WHEN arm = 'CHIMERA' THEN 'RUNNING' ELSE 'PENDING' END,"
                    + " finished_at = NULL WHERE sweep_id = ? AND repetition = 2", id);
            jdbc.update("UPDATE sweep SET status = 'RUNNING', finished_at = NULL WHERE id = ?", id);
            int servedBefore = fake.served().size();
            scheduler.schedule(runSweepTask.instance("sweep-" + id, id), java.time.Instant.now());
            rest().awaitStatus(id, "FINISHED", 60);

            assertThat(fake.served().size() - servedBefore).as("the cut-off batch again whole, then the last")
                    .isEqualTo(8);
            List<Long> after = callIds(id);
            assertThat(after).hasSize(16).containsAll(before.subList(0, 8));
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            java.util.Set<String> slots = new java.util.HashSet<>();
            for (JsonNode call : calls) {
                assertThat(slots.add(call.get("arm").asText() + "/" + call.get("repetition") + "/" + call.get("slot")))
                        .as("every slot of every batch once").isTrue();
            }
        }
    }

    /** This JVM's garbage-collection pauses while recording, on the System.nanoTime() scale. */
    static final class GcPauses implements AutoCloseable {
        private final List<long[]> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        private final long nanoAtStart = System.nanoTime();
        private final long uptimeAtStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        private final List<Runnable> removals = new ArrayList<>();

        static GcPauses record() {
            GcPauses recorder = new GcPauses();
            for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (notification, handback) -> {
                        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) notification.getUserData()).getGcInfo();
                            recorder.pauses.add(new long[] {recorder.toNanos(info.getStartTime()),
                                    recorder.toNanos(info.getEndTime())});
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    recorder.removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException gone) {
                            // already removed
                        }
                    });
                }
            }
            return recorder;
        }

        private long toNanos(long uptimeMs) {
            return nanoAtStart + (uptimeMs - uptimeAtStart) * 1_000_000L;
        }

        /** True when a pause overlaps [from, to] (1 ms of slack for the millisecond clock of GC info). */
        boolean overlap(long from, long to) {
            synchronized (pauses) {
                return pauses.stream().anyMatch(p -> p[0] <= to + 1_000_000L && p[1] >= from - 1_000_000L);
            }
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    com.github.kagkarlsson.scheduler.SchedulerClient scheduler;
    @Autowired
    com.github.kagkarlsson.scheduler.task.helper.CustomTask<Long> runSweepTask;

    private List<Long> callIds(long id) throws Exception {
        List<Long> ids = new ArrayList<>();
        rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")))
                .forEach(call -> ids.add(call.get("id").asLong()));
        return ids;
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
