package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The objectives' wire names are pinned (other tools script against them): THROUGHPUT, TTFT, GOODPUT. */
class TuningObjectiveTest {

    @Test
    void wireNamesAreThePinnedOnes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(TuningObjective.values()))
                .isEqualTo("[\"THROUGHPUT\",\"TTFT\",\"GOODPUT\"]");
        assertThat(json.readValue("\"TTFT\"", TuningObjective.class)).isEqualTo(TuningObjective.FIRST_TOKEN);
        assertThat(TuningObjective.FIRST_TOKEN.label()).isEqualTo("lowest time to first token");
    }
}
