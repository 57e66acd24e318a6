package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.LiveSnapshot;
import org.chimerabench.execution.SweepEvents;
import org.chimerabench.execution.ui.LiveMonitor;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.support.SeedSweeps;
import org.chimerabench.support.TimingSensitive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live monitor on the results page of a running sweep: pushed updates (≤ 4 a second) move the progress bar,
 * the page keeps its running state when left and re-entered, and when the sweep ends the same page shows the
 * verdict without a reload; the page stops listening when it goes away.
 */
@TimingSensitive
@SpringBootTest(properties = "chimera.results.live-refresh=300ms") // redraw the figures often
@AutoConfigureMockMvc
@AsAdmin
class LiveMonitorTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepEvents events;
    @Autowired
    AnalysisService analyses;
    @Autowired
    LiveMonitorService monitorService;
    @Autowired
    ExecutionService execution;

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void pushedProgressThenTheVerdictInPlace() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(120))
                    .chunk("Hello")
                    .chunk(" there").done());
            endpoints.add("live-box", fake.baseUrl(), null);
            long id = startSweep("live-box", 20); // 1 configuration × 2 arms × 20 = 40 calls, ≥ 4.8 s
            awaitCalls(id, 1);
            KaribuViews.setUp(context);
            UI.getCurrent().navigate("sweeps/" + id);
            SweepResultsView page = _get(SweepResultsView.class);
            LiveMonitor monitor = _get(LiveMonitor.class);
            assertThat(events.subscribers(id)).as("subscribed on attach").isEqualTo(1);

            // leave and come back: unsubscribed while away, the running state shown again on return
            UI.getCurrent().navigate("sweeps");
            assertThat(events.subscribers(id)).as("unsubscribed on detach").isZero();
            UI.getCurrent().navigate("sweeps/" + id);
            page = _get(SweepResultsView.class);
            monitor = _get(LiveMonitor.class);
            assertThat(_get(monitor, Span.class, spec -> spec.withClasses("progress-text")).getText())
                    .matches("Running — \\d+ of 40 calls stored");

            List<Double> progress = new ArrayList<>();
            AtomicBoolean figuresWhileRunning = new AtomicBoolean();
            LiveMonitor shown = monitor;
            long started = System.nanoTime();
            await("the run ended").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(40))
                    .pollInSameThread().until(() -> {
                        MockVaadin.clientRoundtrip();
                        if (_find(LiveMonitor.class).isEmpty()) {
                            return true;
                        }
                        double value = _get(shown, ProgressBar.class).getValue();
                        if (progress.isEmpty() || progress.get(progress.size() - 1) != value) {
                            progress.add(value);
                        }
                        figuresWhileRunning.compareAndSet(false, !_find(KpiRow.class).isEmpty());
                        return false;
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(_find(LiveMonitor.class)).as("the monitor gave way to the results").isEmpty();
            assertThat(figuresWhileRunning.get()).as("the figures were redrawn from the calls while it ran").isTrue();
            assertThat(progress).as("the bar moved with pushed updates").hasSizeGreaterThanOrEqualTo(3)
                    .isSorted();
            assertThat(monitor.updates()).as("≤ 4 updates a second over %.1f s", seconds)
                    .isGreaterThanOrEqualTo(3).isLessThanOrEqualTo((int) Math.ceil(seconds * 4) + 1);
            assertThat(_get(SweepResultsView.class)).as("same page, no reload").isSameAs(page);
            assertThat(_find(KpiRow.class)).as("the verdict is shown").hasSize(1);
            assertThat(events.subscribers(id)).as("no listener left behind").isZero();
        }
    }

    @Test
    void whileAConfigurationLacksATrialTheFiguresAreProvisionalAndUncoloured() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            // The second configuration's tuned calls wait until the page was seen provisional (at most 20 s): the
            // window in which a configuration lacks a trial then lasts until the page has drawn its figures, however
            // slowly a cold JVM computes its first analysis (a signal, not a longer guessed window).
            CountDownLatch provisionalSeen = new CountDownLatch(1);
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> {
                List<String> bodies = fake.requestBodies();
                if (bodies.get(bodies.size() - 1).contains("\"temperature\":0.8")) {
                    try {
                        provisionalSeen.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return FakeScript.stream("m").after(Duration.ofMillis(100)).chunk("Hello").done();
            });
            endpoints.add("provisional-box", fake.baseUrl(), null);
            long id = startSweep("provisional-box", 8, "[0.6, 0.8]"); // 2 configurations × 2 arms × 8 = 32 calls
            KaribuViews.setUp(context);
            UI.getCurrent().navigate("sweeps/" + id);
            AtomicInteger provisionalViews = new AtomicInteger();
            AtomicBoolean finalViewSeen = new AtomicBoolean();
            await("the final verdict shown").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(40))
                    .pollInSameThread().until(() -> {
                        MockVaadin.clientRoundtrip();
                        ResultsPage.complete();
                        assertThat(_find(Span.class, spec -> spec.withText("partial")))
                                .as("no 'partial' badge while running").isEmpty();
                        // One verdict as drawn, read through the component tree: each Karibu lookup first runs
                        // the pushes queued meanwhile, which may replace the verdict between two lookups.
                        boolean running = !_find(LiveMonitor.class).isEmpty();
                        List<SweepVerdict> verdicts = _find(SweepVerdict.class); // as new as `running`, or newer
                        SweepVerdict shown = verdicts.isEmpty() ? null : verdicts.get(0);
                        if (shown != null && !within(shown, KpiRow.class).isEmpty()) {
                            VerdictBanner banner = within(shown, VerdictBanner.class).get(0);
                            boolean provisional = banner.getContent().getClassNames().contains("verdict-provisional");
                            List<String> tones = within(shown, StatCard.class).stream().flatMap(card -> card
                                    .getElement().getChild(1).getClassList().stream()).filter(c -> c.equals("good")
                                    || c.equals("bad")).toList();
                            if (provisional) {
                                provisionalViews.incrementAndGet();
                                assertThat(banner.sentence()).startsWith("Provisional — ");
                                assertThat(tones).as("no coloured KPI while provisional").isEmpty();
                                assertThat(within(banner, Span.class)).filteredOn(span -> span.getClassNames()
                                        .contains("verdict-badge")).isNotEmpty().allMatch(badge -> badge
                                        .getClassNames().contains("verdict-provisional"));
                                provisionalSeen.countDown();
                            }
                            finalViewSeen.set(!running && !provisional);
                        }
                        return finalViewSeen.get();
                    });
            assertThat(provisionalViews.get()).as("figures were shown while the second configuration had no trial")
                    .isPositive();
            assertThat(finalViewSeen.get()).as("after the run the verdict is no longer provisional").isTrue();
        }
    }

    @Test
    void aBatchInFlightIsOneLineWithItsCountAndTheTotalCountsEveryCall() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofSeconds(2))
                    .chunk("Hello").done());
            endpoints.add("batch-box", fake.baseUrl(), null);
            RestSweeps rest = new RestSweeps(mvc, json);
            long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(
                    "{\"name\":\"batch\",\"endpoints\":[\"batch-box\"],\"model\":\"m\",\"workload\":{\"type\":"
                            + "\"SINGLE_PROMPT\",\"prompt\":\"hi\"},\"axes\":{\"temperature\":[0.7]},"
                            + "\"concurrency\":4,\"repetitions\":1,\"maxTokens\":8}")).andExpect(status().isCreated()))
                    .get("id").asLong();
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            await("a batch of 4 in flight").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> fake.requestBodies().size() >= 4);
            LiveSnapshot snapshot = monitorService.snapshot(id).orElseThrow();
            assertThat(snapshot.total()).as("4 calls a batch × 2 arms").isEqualTo(8);
            assertThat(snapshot.current()).hasSize(4);
            KaribuViews.setUp(context);
            UI.getCurrent().navigate("sweeps/" + id);
            LiveMonitor monitor = _get(LiveMonitor.class);
            assertThat(_get(monitor, Div.class, spec -> spec.withClasses("progress-current")).getElement()
                    .getTextRecursively()).isEqualTo("Now: temperature=0.7 · Baseline · repetition 1 · × 4 in flight");
            execution.cancel(id);
        }
    }

    private long startSweep(String endpoint, int repetitions) throws Exception {
        return startSweep(endpoint, repetitions, "[0.7]");
    }

    private long startSweep(String endpoint, int repetitions, String temperatures) throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\":\"live\",\"endpoints\":[\"" + endpoint + "\"],\"model\":\"m\",\"workload\":{\"type\":"
                        + "\"SINGLE_PROMPT\",\"prompt\":\"hi\"},\"axes\":{\"temperature\":" + temperatures
                        + "},\"repetitions\":"
                        + repetitions + ",\"maxTokens\":8}")).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        return id;
    }

    private void awaitCalls(long id, int calls) throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        await(calls + " calls stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(() -> rest.body(mvc.perform(get("/api/sweeps/" + id))).at("/progress/done").asLong() >= calls);
    }

    @Test
    void aSweepThatEndedWhileThePageWasBuiltIsReportedOnAttachOnce() throws Exception {
        long id = SeedSweeps.importSummaryCsv(context).rust(); // not active
        KaribuViews.setUp(context);
        AtomicInteger ended = new AtomicInteger();
        LiveMonitor monitor = new LiveMonitor(id, monitorService, events, execution, new LiveMonitor.Listener() {
            @Override
            public void statusChanged() {
            }

            @Override
            public void progressed(LiveSnapshot snapshot) {
            }

            @Override
            public void ended() {
                ended.incrementAndGet();
            }
        });
        assertThat(ended.get()).as("not while the page is being built").isZero();
        UI.getCurrent().add(monitor);
        await("the end reported").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .until(() -> {
                    MockVaadin.clientRoundtrip(); // runs what ui.access queued
                    return ended.get() > 0;
                });
        MockVaadin.clientRoundtrip();
        assertThat(ended.get()).as("reported once, after attach").isEqualTo(1);
    }

    /** The components of a type below {@code root}, walked through the component tree (no Karibu lookup). */
    private static <T extends Component> List<T> within(Component root, Class<T> type) {
        List<T> found = new ArrayList<>();
        root.getChildren().forEach(child -> {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            found.addAll(within(child, type));
        });
        return found;
    }
}
