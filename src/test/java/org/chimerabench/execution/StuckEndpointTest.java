package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.TricklingOllama;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 25: a server that sends its headers and then a byte every 2 s. Its endpoint check ends unreachable with a
 * message within its timeout (a check's lookups: the probe's first-token bound) while the other endpoints' checks
 * stay fresh (checks every second here).
 */
@SpringBootTest(properties = {"chimera.endpoints.refresh-interval=1s", "chimera.endpoints.connect-timeout=1s"})
@AsAdmin
class StuckEndpointTest {

    @Autowired
    EndpointService endpoints;

    @Test
    void aTricklingEndpointEndsUnreachableAndTheOthersStayFresh() throws Exception {
        try (TricklingOllama slow = TricklingOllama.trickling("/api/version");
             FakeOllama healthy = FakeOllama.start()) {
            healthy.tags(FakeOllama.ONE_MODEL_TAGS);
            long added = System.nanoTime();
            endpoints.add("trickler", slow.baseUrl(), null);
            endpoints.add("healthy", healthy.baseUrl(), null);
            EndpointView trickler = null;
            while (System.nanoTime() - added < 12_000_000_000L) {
                trickler = endpoints.findByName("trickler").orElseThrow();
                if (Boolean.FALSE.equals(trickler.reachable())) {
                    break;
                }
                EndpointView fresh = endpoints.findByName("healthy").orElseThrow();
                if (System.nanoTime() - added > 3_000_000_000L) {
                    assertThat(fresh.reachable()).isTrue();
                    assertThat(Duration.between(fresh.checkedAt(), OffsetDateTime.now())).as("healthy status age")
                            .isLessThan(Duration.ofSeconds(4));
                }
                Thread.sleep(200);
            }
            assertThat(trickler.reachable()).as("the trickling endpoint ended unreachable").isFalse();
            assertThat(trickler.error()).contains("No complete answer from " + slow.baseUrl() + "/api/version within");
            assertThat((System.nanoTime() - added) / 1e9).as("seconds until it said so").isLessThan(9);
        }
    }

    /** "Check now" clicked again and again while a check hangs: the checks merge, one per endpoint at a time. */
    @Test
    void repeatedRefreshesOfASlowEndpointMerge() throws Exception {
        try (TricklingOllama slow = TricklingOllama.trickling("/api/version")) {
            endpoints.add("merged", slow.baseUrl(), null);
            for (int i = 0; i < 5; i++) {
                endpoints.refreshAll();
            }
            Thread.sleep(300);
            assertThat(slow.slowAnswers()).as("one check in flight, not one per refresh").isEqualTo(1);
        }
    }
}
