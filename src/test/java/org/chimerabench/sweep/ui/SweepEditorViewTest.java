package org.chimerabench.sweep.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.Durations;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.RunOrder;
import org.chimerabench.sweep.StoredCalls;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.sweep.WorkloadType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The sweep editor without a browser: live preview, the validation rules on the fields, creating a sweep. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class SweepEditorViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SweepService sweeps;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepStarter starter;
    @Autowired
    StoredCalls calls;

    SweepEditorView editor;

    @BeforeEach
    void open() {
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps/new");
        editor = _get(SweepEditorView.class);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void previewCountsTheCalls() {
        assertThat(editor.preview.calls.getText())
                .isEqualTo("4 configurations × 2 arms × (2 repetitions + 1 warm-ups) × 1 call = 24 calls");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Add axis")));
        editor.workload.setValue(WorkloadType.AGENT_WORKFLOW);
        assertThat(editor.preview.calls.getText()).isEqualTo(
                "8 configurations × 2 arms × (2 repetitions + 1 warm-ups) × 2 calls = 96 calls");
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        gpu.values.setValue("10..30 step 10");
        assertThat(editor.preview.calls.getText()).startsWith("12 configurations");
    }

    /**
     * Issue 24: the preview counts the model loads the plan costs. The defaults (num_gpu × num_ctx, 2 repetitions,
     * 1 warm-up): an explicit num_ctx against the baseline's automatic one reloads at every arm switch — 5 loads in
     * the first configuration, 4 in each next one (its baseline warm-up finds the baseline's runner), 3 of them
     * before a measured trial and so followed by a warm-up call; blocked arms cost 4 per configuration, 2 with a
     * warm-up call. num_gpu without num_ctx: every baseline after an explicit num_gpu is forced.
     */
    @Test
    void previewCountsTheModelLoadsThePlanCosts() {
        assertThat(editor.preview.loads.getText())
                .startsWith(" · 17 model loads, each followed by a warm-up call (+12 calls)");
        editor.settings.order.setValue(RunOrder.BLOCKED);
        assertThat(editor.preview.loads.getText())
                .startsWith(" · 16 model loads, each followed by a warm-up call (+8 calls)");
        editor.settings.warmups.setValue(0);
        assertThat(editor.preview.loads.getText()).contains("no warm-ups: 8 measured batches pay a load themselves");
        AxisRow ctx = editor.axes.getChildren().map(AxisRow.class::cast).skip(1).findFirst().orElseThrow();
        ctx.option.setValue(OllamaOption.TEMPERATURE);
        ctx.values.setValue("0.6, 0.8");
        editor.settings.warmups.setValue(1);
        assertThat(editor.preview.loads.getText()).as("blocked, num_gpu × temperature").startsWith(" · 16 model loads"
                + " (7 forced: Ollama would keep another placement for an arm), each followed by a warm-up call (+8"
                + " calls)");
    }

    @Test
    void invalidFieldsSayWhatIsWrongAndNothingIsSaved() {
        long before = sweeps.count();
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        assertThat(gpu.option.getValue()).isEqualTo(OllamaOption.NUM_GPU);
        gpu.values.setValue("sixty, 80");
        editor.settings.repetitions.setValue(0);
        editor.name.setValue("");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before);
        assertThat(gpu.values.isInvalid()).isTrue();
        assertThat(gpu.values.getErrorMessage()).isEqualTo("num_gpu must be a whole number, got sixty");
        assertThat(editor.settings.repetitions.getErrorMessage()).isEqualTo("Repetitions must be between 1 and 1000, got 0");
        assertThat(editor.name.getErrorMessage()).isEqualTo("Name is required");
        assertThat(editor.errors.getElement().getTextRecursively()).startsWith("Nothing was saved.");
        assertThat(_find(editor.errors, ListItem.class)).as("every error listed, not only the first")
                .extracting(ListItem::getText).containsExactlyInAnyOrder("Name is required",
                        "num_gpu must be a whole number, got sixty", "Repetitions must be between 1 and 1000, got 0");
    }

    @Test
    void fieldsAreValidatedAsTheyAreEditedBeforeAnySave() {
        assertThat(editor.errors.isVisible()).as("a fresh form is valid").isFalse();
        editor.name.setValue("");
        assertThat(editor.errors.isVisible()).isTrue();
        assertThat(editor.errors.getElement().getTextRecursively()).startsWith("To fix before saving:")
                .contains("Name is required");
        assertThat(editor.name.isInvalid()).isTrue();
        editor.name.setValue("back again");
        assertThat(editor.errors.isVisible()).isFalse();
        assertThat(editor.name.isInvalid()).isFalse();
    }

    @Test
    void theLargeSweepConfirmationAppearsOnlyWhenNeeded() {
        assertThat(editor.confirmLarge.isVisible()).as("4 configurations: no confirmation").isFalse();
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        gpu.values.setValue("1..100 step 1");
        editor.settings.repetitions.setValue(30);
        assertThat(editor.confirmLarge.isVisible()).isTrue();
        assertThat(editor.confirmLarge.getLabel()).as("200 configurations × 2 arms × (30 + 1 warm-up)").contains("12400 calls");
        assertThat(editor.errors.getElement().getTextRecursively()).contains("confirm");
        editor.confirmLarge.setValue(true);
        assertThat(editor.errors.isVisible()).isFalse();
        gpu.values.setValue("14, 28");
        assertThat(editor.confirmLarge.isVisible()).isFalse();
    }

    @Test
    void numGpuSaysHowManyLayersTheModelHas() {
        endpoints.refreshAll();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (endpoints.list().stream().noneMatch(e -> Boolean.TRUE.equals(e.reachable()))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        UI.getCurrent().navigate("sweeps");
        UI.getCurrent().navigate("sweeps/new");
        editor = _get(SweepEditorView.class);
        editor.model.setValue("llama3.2-sim:3b");
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        assertThat(gpu.values.getHelperText()).startsWith("llama3.2-sim:3b has 28 layers: 29 or more puts all");
        AxisRow ctx = editor.axes.getChildren().map(AxisRow.class::cast).skip(1).findFirst().orElseThrow();
        assertThat(ctx.values.getHelperText()).doesNotContain("layers");
    }

    @Test
    void timeoutsShowTheirRealDefaults() {
        assertThat(editor.settings.connectTimeout.getPlaceholder()).isEqualTo("5");
        assertThat(editor.settings.firstTokenTimeout.getHelperText()).isEqualTo("Empty = default, 5 min 00 s");
        assertThat(editor.settings.totalTimeout.getPlaceholder()).isEqualTo("1800");
    }

    @Test
    void aValidSweepIsCreatedAndOpened() {
        long before = sweeps.count();
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before + 1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).matches("sweeps/\\d+");
        assertThat(sweeps.list().get(0).status().name()).isEqualTo("DRAFT");
    }

    @Test
    void aPresetFillsThePrompt() {
        assertThat(editor.prompt.getValue()).isEqualTo(PromptPreset.TECHNICAL_REPORT.text());
        editor.preset.setValue(PromptPreset.CODE);
        assertThat(editor.prompt.getValue()).startsWith("Write a Python function");
    }

    @Test
    void runSettingsAreStoredWithTheSweep() {
        RunSettingsForm s = editor.settings;
        s.fixedOptions.setValue("top_p=0.95, top_k=20");
        s.baseline.setValue(RunSettingsForm.CUSTOM);
        s.baselineOptions.setValue("num_ctx=2048");
        s.order.setValue(RunOrder.SHUFFLED);
        s.shuffleSeed.setValue(BigDecimal.valueOf(7));
        s.promptVariation.setValue(true);
        s.coldStart.setValue(true);
        s.firstTokenTimeout.setValue(30);
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        long id = sweeps.list().get(0).id();
        SweepDefinition stored = sweeps.definition(id).orElseThrow();
        assertThat(stored.fixedOptions()).hasSize(2).containsEntry("top_p", 0.95).containsEntry("top_k", 20);
        assertThat(stored.baselineOptions()).hasSize(1).containsEntry("num_ctx", 2048);
        assertThat(stored.order()).isEqualTo("SHUFFLED");
        assertThat(stored.shuffleSeed()).isEqualTo(7L);
        assertThat(stored.promptVariation()).isTrue();
        assertThat(stored.coldStart()).isTrue();
        assertThat(stored.timeouts().firstTokenSeconds()).isEqualTo(30);
        var details = sweeps.find(id).orElseThrow().definition();
        assertThat(details.baselineOptions()).containsEntry("num_ctx", 2048);
        assertThat(details.order()).isEqualTo(RunOrder.SHUFFLED);
        assertThat(details.shuffleSeed()).isEqualTo(7L);
        assertThat(LocatorJ._find(Span.class,
                spec -> spec.withText("Shuffled order, seed 7"))).as("the seed shown on the sweep's page").hasSize(1);
    }

    @Test
    void badOptionsSayWhatIsWrongAndNothingIsSaved() {
        long before = sweeps.count();
        editor.settings.fixedOptions.setValue("top_p=5");
        editor.settings.baseline.setValue(RunSettingsForm.CUSTOM);
        editor.settings.baselineOptions.setValue("bogus=1");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before);
        assertThat(editor.settings.fixedOptions.getErrorMessage()).contains("top_p");
        assertThat(editor.settings.baselineOptions.getErrorMessage()).isEqualTo("Unknown Ollama option 'bogus'");

        editor.settings.fixedOptions.setValue("top_p");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before);
        assertThat(editor.errors.getElement().getTextRecursively()).contains("Write options as name=value")
                .contains("'top_p' has no value");
    }

    @Test
    void duplicateStartsFromACopyOfTheDefinition() {
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        gpu.values.setValue("10..30 step 10");
        editor.name.setValue("original");
        editor.description.setValue("Does offloading more layers pay off?");
        editor.workload.setValue(WorkloadType.AGENT_WORKFLOW);
        editor.prompt.setValue("Total files analyzed: 3");
        editor.settings.repetitions.setValue(5);
        editor.settings.fixedOptions.setValue("top_k=30");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        long id = sweeps.list().get(0).id();

        UI.getCurrent().navigate("sweeps/new", QueryParameters.simple(
                Map.of("from", Long.toString(id))));
        SweepEditorView copy = _get(SweepEditorView.class);
        assertThat(copy.name.getValue()).isEqualTo("Copy of original");
        assertThat(copy.description.getValue()).isEqualTo("Does offloading more layers pay off?");
        assertThat(sweeps.find(id).orElseThrow().description()).isEqualTo("Does offloading more layers pay off?");
        assertThat(copy.workload.getValue()).isEqualTo(WorkloadType.AGENT_WORKFLOW);
        assertThat(copy.prompt.getValue()).isEqualTo("Total files analyzed: 3");
        assertThat(copy.axes.getChildren().map(AxisRow.class::cast).map(r -> r.values.getValue()))
                .containsExactly("10..30 step 10", "2048, 4096");
        assertThat(copy.settings.repetitions.getValue()).isEqualTo(5);
        assertThat(copy.settings.fixedOptions.getValue()).isEqualTo("top_k=30");
        assertThat(copy.endpoint.getValue()).extracting(e -> e.name()).containsExactly("Built-in simulator");
        assertThat(copy.preview.calls.getText()).isEqualTo(
                "6 configurations × 2 arms × (5 repetitions + 1 warm-ups) × 2 calls = 144 calls");
    }

    @Test
    void aRaceShowsItsSettingsWithAnExplanationAndTheWorstCaseInThePreview() {
        RunSettingsForm s = editor.settings;
        assertThat(s.race.isVisible()).as("fixed by default").isFalse();
        s.repetitionMode.setValue(RunSettingsForm.RACE);
        assertThat(s.race.isVisible()).isTrue();
        assertThat(s.repetitions.isVisible()).as("a race has no fixed count").isFalse();
        assertThat(s.race.getElement().getTextRecursively()).contains("one more paired repetition per round")
                .contains("Holm-corrected");
        assertThat(s.race.objective.getItemLabelGenerator().apply(RaceObjective.TTFT_MS)).as("no enum constant")
                .isEqualTo("Time to first token of the tuned options (ms, lower is better)");
        assertThat(editor.preview.calls.getText()).isEqualTo("Race: 4 configurations × 2 arms × (2–10 repetitions"
                + " + 1 warm-ups) × 1 call = 24 to 88 calls; at most 88 if no configuration stops early");
        AxisRow gpu = editor.axes.getChildren().map(AxisRow.class::cast).findFirst().orElseThrow();
        gpu.values.setValue("1..100 step 1");
        s.race.maxRepetitions.setValue(30);
        assertThat(editor.confirmLarge.isVisible()).as("the worst case decides the confirmation").isTrue();
        assertThat(editor.confirmLarge.getLabel()).as("200 configurations × 2 arms × (30 + 1 warm-up)")
                .contains("12400 calls");
    }

    @Test
    void wrongRaceSettingsAreMarkedAndNothingIsSaved() {
        long before = sweeps.count();
        RunSettingsForm s = editor.settings;
        s.repetitionMode.setValue(RunSettingsForm.RACE);
        s.race.minRepetitions.setValue(5);
        s.race.maxRepetitions.setValue(3);
        s.race.target.setValue(BigDecimal.ZERO);
        s.race.confidence.setValue(new BigDecimal("1.2"));
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.count()).isEqualTo(before);
        assertThat(s.race.maxRepetitions.getErrorMessage())
                .isEqualTo("Maximum repetitions (3) must be at least the minimum (5)");
        assertThat(s.race.target.isInvalid()).isTrue();
        assertThat(s.race.confidence.getErrorMessage())
                .isEqualTo("Confidence must be above 0.5 and below 0.999, got 1.2");
        assertThat(editor.errors.getElement().getTextRecursively()).startsWith("Nothing was saved.");
    }

    @Test
    void aRaceIsStoredWithItsSettingsAndADuplicateKeepsThem() {
        RunSettingsForm s = editor.settings;
        s.repetitionMode.setValue(RunSettingsForm.RACE);
        s.race.objective.setValue(RaceObjective.TTFT_MS);
        s.race.minRepetitions.setValue(3);
        s.race.maxRepetitions.setValue(12);
        s.race.target.setValue(new BigDecimal("1.5"));
        s.race.eliminate.setValue(false);
        s.race.confidence.setValue(new BigDecimal("0.9"));
        editor.name.setValue("a race");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        long id = sweeps.list().get(0).id();
        SweepDefinition stored = sweeps.definition(id).orElseThrow();
        assertThat(stored.repetitions()).isNull();
        assertThat(stored.adaptive()).isEqualTo(new SweepDefinition.Adaptive("TTFT_MS", 3, 12, 1.5, false, 0.9));

        UI.getCurrent().navigate("sweeps/new", QueryParameters.simple(Map.of("from", Long.toString(id))));
        SweepEditorView copy = _get(SweepEditorView.class);
        assertThat(copy.settings.racing()).isTrue();
        assertThat(copy.settings.race.adaptive()).isEqualTo(stored.adaptive());
        assertThat(copy.preview.calls.getText()).startsWith("Race: 4 configurations × 2 arms × (3–12 repetitions");
    }

    @Test
    void aLoadCountsEveryCallOfItsBatchesAndIsStored() {
        editor.settings.concurrency.setValue(4);
        assertThat(editor.preview.calls.getText()).isEqualTo("4 configurations (16 calls per round of batches, at"
                + " their loads) × 2 arms × (2 repetitions + 1 warm-ups) × 1 call = 96 calls");
        ButtonKt._click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(sweeps.definition(sweeps.list().get(0).id()).orElseThrow().concurrency()).isEqualTo(4);

        UI.getCurrent().navigate("sweeps/new");
        SweepEditorView fresh = _get(SweepEditorView.class);
        AxisRow context = fresh.axes.getChildren().map(AxisRow.class::cast).skip(1).findFirst().orElseThrow();
        context.option.setValue(OllamaOption.CONCURRENCY);
        context.values.setValue("1, 2, 4");
        assertThat(fresh.preview.calls.getText()).as("2 num_gpu × (1 + 2 + 4) calls a round")
                .startsWith("6 configurations (14 calls per round of batches, at their loads)").endsWith("= 84 calls");
        fresh.settings.concurrency.setValue(2);
        assertThat(fresh.errors.getElement().getTextRecursively()).as("an axis and the field at once")
                .contains("concurrency is an axis");
    }

    /** An endpoint of its own: the shared context's built-in simulator may have served other tests' calls. */
    @Test
    void etaIsUnknownWithoutHistory() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS);
            endpoints.add("no-history-box", fake.baseUrl(), null);
            editor.endpoint.setValue(endpoints.findByName("no-history-box").orElseThrow());
            assertThat(editor.preview.eta.getText()).isEqualTo(" · ETA unknown: no calls on this endpoint yet");
        }
    }

    @Test
    void etaFollowsTheEndpointsRecentSpeed() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS)
                    .whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(150)).chunk("x").done());
            endpoints.add("eta-box", fake.baseUrl(), null);
            long id = sweeps.create(new SweepDefinition("history", null, List.of("eta-box"), "m",
                    new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null),
                    Map.of("temperature", List.of(0.5)), null, null, 2, 0, false, null, null,
                    false, 8, null, null));
            starter.start(id);
            await("history sweep finished").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sweeps.find(id).orElseThrow().status() == SweepStatus.FINISHED);
            double meanSeconds = calls.recentSecondsPerCall("eta-box").orElseThrow();
            assertThat(meanSeconds).as("each call streams after 150 ms").isBetween(0.15, 5.0);
            editor.endpoint.setValue(endpoints.findByName("eta-box").orElseThrow());
            // 4 configurations × 2 arms × (2 + 1) = 24 calls at the 4 calls' mean end-to-end time
            assertThat(editor.preview.eta.getText()).isEqualTo(" · ETA ≈ "
                    + Durations.human(24 * meanSeconds) + " at the endpoints' recent speed");
        }
    }
}
