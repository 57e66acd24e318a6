package org.chimerabench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sweep's status changes only by the moves its life cycle allows; every other is refused. */
class SweepStatusTest {

    @Test
    void theAllowedMovesAndNoOthers() {
        Map<SweepStatus, EnumSet<SweepStatus>> allowed = Map.of(
                SweepStatus.DRAFT, EnumSet.of(SweepStatus.QUEUED),
                SweepStatus.QUEUED, EnumSet.of(SweepStatus.RUNNING, SweepStatus.FAILED, SweepStatus.CANCELLED),
                SweepStatus.RUNNING, EnumSet.of(SweepStatus.RUNNING, SweepStatus.FINISHED, SweepStatus.FAILED,
                        SweepStatus.CANCELLED),
                SweepStatus.FINISHED, EnumSet.noneOf(SweepStatus.class),
                SweepStatus.FAILED, EnumSet.noneOf(SweepStatus.class),
                SweepStatus.CANCELLED, EnumSet.noneOf(SweepStatus.class),
                SweepStatus.IMPORTED, EnumSet.noneOf(SweepStatus.class));
        for (SweepStatus from : SweepStatus.values()) {
            for (SweepStatus to : SweepStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void aSweepRunsThroughItsLifeCycle() {
        Sweep sweep = draft();
        sweep.queue();
        assertThat(sweep.getStatus()).isEqualTo(SweepStatus.QUEUED);
        sweep.begin();
        assertThat(sweep.getStatus()).isEqualTo(SweepStatus.RUNNING);
        assertThat(sweep.getStartedAt()).isNotNull();
        sweep.begin(); // resumed after a restart
        sweep.finish("1 trial(s) failed and are excluded");
        assertThat(sweep.getStatus()).isEqualTo(SweepStatus.FINISHED);
        assertThat(sweep.getStatusMessage()).isEqualTo("1 trial(s) failed and are excluded");
        assertThat(sweep.getFinishedAt()).isNotNull();
    }

    @Test
    void impossibleMovesAreRefusedAndChangeNothing() {
        Sweep draft = draft();
        assertThatThrownBy(draft::begin).isInstanceOf(SweepStateException.class).hasMessageContaining("is draft");
        assertThatThrownBy(() -> draft.cancel("no")).isInstanceOf(SweepStateException.class);
        assertThatThrownBy(() -> draft.finish(null)).isInstanceOf(SweepStateException.class);
        assertThat(draft.getStatus()).isEqualTo(SweepStatus.DRAFT);

        Sweep queued = draft();
        queued.queue();
        assertThatThrownBy(queued::queue).isInstanceOf(SweepStateException.class)
                .hasMessageContaining("only a draft sweep can be started");
        assertThatThrownBy(() -> queued.finish(null)).as("nothing ran").isInstanceOf(SweepStateException.class);
        queued.cancel("Cancelled by the operator");
        assertThat(queued.getStatus()).isEqualTo(SweepStatus.CANCELLED);
        for (Runnable move : List.<Runnable>of(queued::queue, queued::begin, () -> queued.fail("x"),
                () -> queued.cancel("again"))) {
            assertThatThrownBy(move::run).isInstanceOf(SweepStateException.class);
        }
        assertThat(queued.getStatus()).isEqualTo(SweepStatus.CANCELLED);
        assertThat(queued.getStatusMessage()).isEqualTo("Cancelled by the operator");

        Sweep imported = Sweep.imported("Imported rust sweep", "rust", "a.csv");
        assertThatThrownBy(imported::queue).isInstanceOf(SweepStateException.class).hasMessageContaining("imported");
        assertThat(imported.getStatus()).isEqualTo(SweepStatus.IMPORTED);
    }

    private static Sweep draft() {
        return Sweep.defined("s", null, "m", List.of(1L), WorkloadType.SINGLE_PROMPT, "hi", false);
    }
}
