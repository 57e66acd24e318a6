package org.chimerabench.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the endpoint checks record: the first sighting of a model's digest (a baseline, not a change), a re-pull with a
 * new digest as one DIGEST event with both digests, nothing more while nothing changes, and a model loaded on fewer
 * layers as a PLACEMENT event.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class EndpointEventsTest {

    static final String TAGS = "{\"models\":[{\"name\":\"m:latest\",\"size\":1000,\"digest\":\"%s\",\"details\":{}}]}";
    static final String PS = "{\"models\":[{\"name\":\"m:latest\",\"model\":\"m:latest\",\"size\":1000,"
            + "\"size_vram\":%d,\"digest\":\"d\"}]}";

    @Autowired
    EndpointService endpoints;
    @Autowired
    EndpointEvents events;

    @Test
    void aRePulledModelAndAMovedPlacementAreRecordedOnceEach() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(TAGS.formatted("sha256:aaaaaaaaaaaaaaaa")).ps(PS.formatted(1000));
            long id = endpoints.add("events-box", fake.baseUrl(), null).id();
            List<EndpointEventView> first = await().atMost(Duration.ofSeconds(10)).pollInSameThread()
                    .until(() -> events.list(id, 50), e -> e.size() == 3);
            assertThat(first).extracting(EndpointEventView::kind).containsExactlyInAnyOrder(
                    EndpointEventKind.VERSION, EndpointEventKind.DIGEST, EndpointEventKind.PLACEMENT);
            assertThat(first).allMatch(e -> e.before() == null && !e.isRecheckTrigger(), "first sightings");

            endpoints.refreshAll();
            await("a check that finds nothing new records nothing").pollInSameThread().during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(2)).until(() -> events.list(id, 50).size() == 3);
            fake.tags(TAGS.formatted("sha256:bbbbbbbbbbbbbbbb")).ps(PS.formatted(710));
            endpoints.refreshAll();
            List<EndpointEventView> after = await().atMost(Duration.ofSeconds(10)).pollInSameThread()
                    .until(() -> events.list(id, 50), e -> e.size() == 5);
            EndpointEventView digest = after.stream().filter(e -> e.kind() == EndpointEventKind.DIGEST
                    && e.before() != null).findFirst().orElseThrow();
            assertThat(digest.description()).isEqualTo("model digest of m:latest aaaaaaaaaaaa → bbbbbbbbbbbb");
            assertThat(digest.isRecheckTrigger()).isTrue();
            EndpointEventView placement = after.stream().filter(e -> e.kind() == EndpointEventKind.PLACEMENT
                    && e.before() != null).findFirst().orElseThrow();
            assertThat(placement.description()).isEqualTo("GPU placement of m:latest 100.0 % → 71.0 %");
            assertThat(placement.isRecheckTrigger()).as("placement explains, it does not trigger").isFalse();
        }
    }
}
