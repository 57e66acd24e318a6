package org.chimerabench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The validator called directly (the REST tests go through JSON): defaults applied, ranges expanded, and every
 * wrong field reported at once under its name. The endpoint is the built-in simulator the app starts.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class SweepDefinitionValidatorTest {

    @Autowired
    EndpointService endpoints;

    @Test
    void aMinimalDefinitionGetsTheDocumentedDefaults() {
        ValidatedSweep valid = validate(definition(Map.of("num_gpu", List.of(20, 34)), null, null, null));
        assertThat(valid.identity().name()).isEqualTo("gpu layers");
        assertThat(valid.target().simulated()).isTrue();
        assertThat(valid.target().endpointIds()).hasSize(1);
        assertThat(valid.workload().type()).isEqualTo(WorkloadType.SINGLE_PROMPT);
        assertThat(valid.grid().fixedOptions()).isEqualTo(SweepService.DEFAULT_FIXED_OPTIONS);
        assertThat(valid.grid().baselineOptions()).isEmpty();
        assertThat(valid.plan()).isEqualTo(new RunPlan(1, 0, false, RunOrder.AS_DEFINED, null, false, null));
        assertThat(valid.grid().configurations()).isEqualTo(2);
        assertThat(valid.grid().totalCalls()).isEqualTo(2 * 2);
    }

    @Test
    void rangesExpandToValueListsAndCountTheCalls() {
        Map<String, Object> axes = new LinkedHashMap<>();
        axes.put("num_ctx", Map.of("min", 256, "max", 1024, "step", 256));
        axes.put("temperature", Map.of("min", 0.6, "max", 0.8, "step", 0.1));
        ValidatedSweep valid = validate(definition(axes, 3, "SHUFFLED", 11L));
        assertThat(valid.grid().axes().get("num_ctx")).containsExactly(256, 512, 768, 1024);
        assertThat(valid.grid().axes().get("temperature")).containsExactly(0.6, 0.7, 0.8);
        assertThat(valid.grid().configurations()).isEqualTo(12);
        assertThat(valid.grid().totalCalls()).isEqualTo(12 * 2 * 3);
        assertThat(valid.plan().order()).isEqualTo(RunOrder.SHUFFLED);
        assertThat(valid.plan().shuffleSeed()).isEqualTo(11L);
    }

    @Test
    void aShuffledOrderWithoutSeedGetsOne() {
        ValidatedSweep valid = validate(definition(Map.of("num_gpu", List.of(20, 34)), null, "SHUFFLED", null));
        assertThat(valid.plan().shuffleSeed()).isNotNull();
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        Map<String, Object> axes = new LinkedHashMap<>();
        axes.put("num_gpu", List.of(20, 20));
        axes.put("temperature", List.of(3.5));
        axes.put("warp_speed", List.of(9));
        axes.put("num_ctx", List.of());
        SweepDefinition wrong = new SweepDefinition(" ", null, List.of("Built-in simulator", "nowhere"),
                "no-such-model", new SweepDefinition.Workload("SINGLE_PROMPT", " ", null), axes,
                Map.of("top_k", "forty"), null, 0, -1, null, "RANDOM", null, null, 0, null, null);
        assertThatThrownBy(() -> validate(wrong)).isInstanceOfSatisfying(SweepValidationException.class, e ->
                assertThat(e.fieldErrors()).containsOnlyKeys("name", "endpoints", "model", "workload.prompt",
                        "axes.num_gpu", "axes.temperature", "axes.warp_speed", "axes.num_ctx", "fixedOptions.top_k",
                        "repetitions", "warmups", "order", "maxTokens"));
    }

    @Test
    void anAxisCannotAlsoBeAFixedOption() {
        SweepDefinition overlap = new SweepDefinition("x", null, List.of("Built-in simulator"), "gemma3-sim:4b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.of("top_k", List.of(20, 40)),
                Map.of("top_k", 40), null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> validate(overlap)).isInstanceOfSatisfying(SweepValidationException.class, e ->
                assertThat(e.fieldErrors()).containsExactly(Map.entry("fixedOptions.top_k",
                        "top_k is an axis; it cannot also be a fixed option")));
    }

    @Test
    void aModelTheEndpointDoesNotHaveIsNamed() {
        SweepDefinition definition = new SweepDefinition("x", null, List.of("Built-in simulator"), "no-such-model",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.of("num_gpu", List.of(1)), null, null,
                null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> validate(definition)).isInstanceOfSatisfying(SweepValidationException.class, e ->
                assertThat(e.fieldErrors().get("model")).contains("no-such-model").contains("is not installed on")
                        .contains("llama3.2-sim:3b"));
    }

    @Test
    void aLargeSweepNeedsConfirmation() {
        SweepDefinition large = definition(Map.of("num_ctx", Map.of("min", 100, "max", 1099, "step", 1)), 3, null,
                null);
        assertThatThrownBy(() -> new SweepDefinitionValidator(endpoints, 5000).validate(large))
                .isInstanceOfSatisfying(SweepValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("confirmLarge"));
        SweepDefinition confirmed = new SweepDefinition(large.name(), null, large.endpoints(), large.model(),
                large.workload(), large.axes(), null, null, 3, null, null, null, null, null, null, null, true);
        assertThat(new SweepDefinitionValidator(endpoints, 5000).validate(confirmed).grid().totalCalls())
                .isEqualTo(1000 * 2 * 3);
    }

    private ValidatedSweep validate(SweepDefinition definition) {
        return new SweepDefinitionValidator(endpoints, 5000).validate(definition);
    }

    private static SweepDefinition definition(Map<String, Object> axes, Integer repetitions, String order,
                                              Long seed) {
        return new SweepDefinition("gpu layers", null, List.of("Built-in simulator"), "gemma3-sim:4b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "Explain GPU offloading.", null), axes, null, null,
                repetitions, null, null, order, seed, null, null, null, null);
    }
}
