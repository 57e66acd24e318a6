package org.chimerabench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configurations are the cartesian product of the axes, the first axis varying slowest. */
class AxisExpansionTest {

    @Test
    void cartesianProductFirstAxisSlowest() {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("num_gpu", List.of(60, 80));
        axes.put("num_ctx", List.of(256, 512, 1024));
        axes.put("temperature", List.of(0.6, 0.8));
        List<Map<String, Object>> configurations = SweepService.expand(axes);
        assertThat(configurations).hasSize(12).doesNotHaveDuplicates();
        assertThat(configurations.get(0)).containsExactly(Map.entry("num_gpu", 60), Map.entry("num_ctx", 256),
                Map.entry("temperature", 0.6));
        assertThat(configurations.get(1)).containsEntry("temperature", 0.8).containsEntry("num_ctx", 256);
        assertThat(configurations.get(2)).containsEntry("num_ctx", 512).containsEntry("num_gpu", 60);
        assertThat(configurations.get(6)).containsEntry("num_gpu", 80).containsEntry("num_ctx", 256);
        assertThat(configurations.get(11)).containsExactly(Map.entry("num_gpu", 80), Map.entry("num_ctx", 1024),
                Map.entry("temperature", 0.8));
    }

    @Test
    void oneAxisGivesOneConfigurationPerValue() {
        assertThat(SweepService.expand(Map.of("seed", List.of(1, 2, 3))))
                .containsExactly(Map.of("seed", 1), Map.of("seed", 2), Map.of("seed", 3));
    }
}
