package org.chimerabench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loads a plan costs (docs/architecture.md §4.2), counted by hand for small plans. The counts against a server
 * that really reloads are shown in execution.BaselinePlacementTest.
 */
class PlannedLoadsTest {

    static List<PlannedLoads.Subject> numGpu(int... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> new PlannedLoads.Subject(Map.<String, Object>of("num_gpu",
                v), 1)).toList();
    }

    @Test
    void interleavedNumGpuSweepForcesALoadAtEveryArmSwitchBackToTheBaseline() {
        // num_gpu 14: WB first, WC changed, B1 forced, C1 changed, C2 warm, B2 forced, B3 warm, C3 changed = 6;
        // num_gpu 28 the same, its first baseline forced after 14 = 6
        PlannedLoads loads = PlannedLoads.of(numGpu(14, 28), Map.of(), 3, 1, RunOrder.AS_DEFINED, null, false, false,
                1);
        assertThat(loads).isEqualTo(new PlannedLoads(12, 5, 8, 0));
        assertThat(loads.sentence()).isEqualTo("12 model loads (5 forced: Ollama would keep another placement for an"
                + " arm), each followed by a warm-up call (+8 calls)");
    }

    @Test
    void blockedOrderCostsTwoLoadsPerConfigurationAfterItsWarmUps() {
        // 14: WB first, WC changed, B1 forced, B2 B3 warm, C1 changed, C2 C3 warm = 4; 28: WB forced, WC, B1 forced, C1
        PlannedLoads loads = PlannedLoads.of(numGpu(14, 28), Map.of(), 3, 1, RunOrder.BLOCKED, null, false, false, 1);
        assertThat(loads).isEqualTo(new PlannedLoads(8, 3, 4, 0));
    }

    @Test
    void withoutWarmUpsNoWarmUpCallsAreAdded() {
        PlannedLoads loads = PlannedLoads.of(numGpu(14), Map.of(), 2, 0, RunOrder.AS_DEFINED, null, false, false, 1);
        // B1 first, C1 changed, C2 warm, B2 forced: three measured trials pay a load and are left out
        assertThat(loads).isEqualTo(new PlannedLoads(3, 1, 0, 3));
        assertThat(loads.sentence()).isEqualTo("3 model loads and no warm-ups: 3 measured batches pay a load"
                + " themselves and are left out of the figures — set warm-ups to 1 or more");
    }

    @Test
    void samplingOnlySweepsLoadOnceAndSayNothing() {
        List<PlannedLoads.Subject> temperatures = List.of(new PlannedLoads.Subject(Map.of("temperature", 0.2), 1),
                new PlannedLoads.Subject(Map.of("temperature", 0.8), 4));
        PlannedLoads loads = PlannedLoads.of(temperatures, Map.of(), 3, 1, RunOrder.AS_DEFINED, null, false, false,
                1);
        assertThat(loads).isEqualTo(new PlannedLoads(1, 0, 0, 0));
        assertThat(loads.sentence()).isEmpty();
    }

    @Test
    void aFleetLoadsOnEachEndpointAndColdStartsUnloadPerConfiguration() {
        List<PlannedLoads.Subject> temperatures = List.of(new PlannedLoads.Subject(Map.of("temperature", 0.2), 1),
                new PlannedLoads.Subject(Map.of("temperature", 0.8), 1));
        assertThat(PlannedLoads.of(temperatures, Map.of(), 2, 1, RunOrder.AS_DEFINED, null, false, false, 2).loads())
                .isEqualTo(2);
        assertThat(PlannedLoads.of(temperatures, Map.of(), 2, 1, RunOrder.AS_DEFINED, null, true, false, 1).loads())
                .as("a cold start per configuration").isEqualTo(2);
    }

    @Test
    void aRaceRunsRoundByRoundSoEveryConfigurationSwitchCanCostALoad() {
        // round 1: 14 WB WC B1 C1 · 28 WB WC B1 C1; round 2: 14 C2 B2 · 28 C2 B2
        PlannedLoads race = PlannedLoads.of(numGpu(14, 28), Map.of(), 2, 1, RunOrder.AS_DEFINED, null, false, true, 1);
        PlannedLoads fixed = PlannedLoads.of(numGpu(14, 28), Map.of(), 2, 1, RunOrder.AS_DEFINED, null, false, false,
                1);
        assertThat(race.loads()).isGreaterThan(fixed.loads());
    }
}
