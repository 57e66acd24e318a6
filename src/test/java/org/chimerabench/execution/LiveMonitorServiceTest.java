package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ETA: calls left × the recent pace. */
class LiveMonitorServiceTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-27T10:00:00Z");

    @Test
    void etaIsCallsLeftTimesTheRecentPace() {
        // 5 calls stored 1.5 s apart → 1.5 s per call; 20 left → 30 s
        List<LiveMonitorService.Timed> recent = IntStream.range(0, 5)
                .mapToObj(i -> timed(i, T0.plusNanos(i * 1_500_000_000L))).toList();
        assertThat(LiveMonitorService.eta(recent, 20)).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void etaIsUnknownBeforeTwoCallsAndZeroWhenNothingIsLeft() {
        assertThat(LiveMonitorService.eta(List.of(), 10)).isNull();
        assertThat(LiveMonitorService.eta(List.of(timed(1, T0)), 10)).isNull();
        assertThat(LiveMonitorService.eta(List.of(timed(1, T0), timed(2, T0.plusSeconds(1))), 0)).isZero();
    }

    private static LiveMonitorService.Timed timed(long id, OffsetDateTime at) {
        return new LiveMonitorService.Timed(new LiveSnapshot.RecentCall(id, Arm.CHIMERA, false, CallStatus.OK, 100.0,
                50.0), at);
    }
}
